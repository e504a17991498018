"use client";
import type { ReactNode } from "react";
import type { FilterOption } from "@/components/gallery/filter-select";
import { Select, SelectContent, SelectItem, SelectTrigger } from "@/components/ui/select";

/** A gallery filter's select itself, loaded on the first press of any of them. */
export function FilterSelectList(props: {
  defaultOpen: boolean;
  trigger: { "aria-label": string; className: string; children: ReactNode };
  value: string;
  onValueChange: (value: string) => void;
  options: FilterOption[];
}) {
  return (
    <Select defaultOpen={props.defaultOpen} value={props.value} onValueChange={props.onValueChange}>
      <SelectTrigger {...props.trigger} />
      <SelectContent>
        {props.options.map((o) => (
          <SelectItem key={o.value} value={o.value}>
            {o.label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
