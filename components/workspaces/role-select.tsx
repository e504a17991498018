"use client";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";

/**
 * A choice among a few options in the studio's field style (roles, people, expiry). An option
 * with an empty value is the placeholder shown while nothing is chosen.
 */
export function RoleSelect(props: {
  id?: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string; disabled?: boolean }[];
  disabled?: boolean;
  className?: string;
  "aria-label"?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}) {
  const placeholder = props.options.find((o) => o.value === "")?.label;
  return (
    <Select value={props.value} onValueChange={props.onChange} disabled={props.disabled}>
      <SelectTrigger
        id={props.id}
        aria-label={props["aria-label"]}
        aria-describedby={props["aria-describedby"]}
        aria-invalid={props["aria-invalid"]}
        className={props.className}
      >
        <SelectValue placeholder={placeholder} />
      </SelectTrigger>
      <SelectContent>
        {props.options
          .filter((o) => o.value !== "")
          .map((o) => (
            <SelectItem key={o.value} value={o.value} disabled={o.disabled}>
              {o.label}
            </SelectItem>
          ))}
      </SelectContent>
    </Select>
  );
}
