"use client";
import type { ReactNode } from "react";
import {
  Select,
  SelectContent,
  SelectGroup,
  SelectItem,
  SelectLabel,
  SelectTrigger,
} from "@/components/ui/select";

export interface ModelGroup {
  label: string;
  options: { value: string; label: string }[];
}

/** The editor's Model menu itself, loaded on its first press. */
export function ModelSelectList(props: {
  defaultOpen: boolean;
  trigger: {
    id: string;
    "aria-describedby": string;
    className: string;
    disabled?: boolean;
    children: ReactNode;
  };
  value: string;
  onValueChange: (value: string) => void;
  groups: ModelGroup[];
}) {
  return (
    <Select
      defaultOpen={props.defaultOpen}
      value={props.value}
      onValueChange={props.onValueChange}
      disabled={props.trigger.disabled}
    >
      <SelectTrigger {...props.trigger} />
      <SelectContent>
        {props.groups.map((group) => (
          <SelectGroup key={group.label}>
            <SelectLabel>{group.label}</SelectLabel>
            {group.options.map((o) => (
              <SelectItem key={o.value} value={o.value}>
                {o.label}
              </SelectItem>
            ))}
          </SelectGroup>
        ))}
      </SelectContent>
    </Select>
  );
}
