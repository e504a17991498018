import { type ReactNode, useId } from "react";
import { cn } from "@/components/ui/cn";

/** What a Field hands its control so the label, hint and error reach screen readers. */
export interface FieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

/**
 * A form control with its label, an optional hint and its error, tied together by ids: the
 * label names the control, the error (or else the hint) describes it, and an error marks it
 * invalid. The control is the caller's (an Input, a Select, a Switch), given these props.
 */
export function Field(props: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  /** A fixed id, for a control something else points at; otherwise one is made. */
  id?: string;
  /** The label only for screen readers, where the layout already says what the field is. */
  hideLabel?: boolean;
  /** Label and control on one line (a switch). */
  inline?: boolean;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const made = useId();
  const id = props.id ?? made;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  // An error replaces the hint: one message under a field at a time.
  const describedBy = props.error ? errorId : props.hint ? hintId : undefined;
  const control = props.children({
    id,
    "aria-describedby": describedBy,
    "aria-invalid": props.error ? true : undefined,
  });
  const label = (
    <label
      htmlFor={id}
      className={cn(
        "block text-[13px] font-medium",
        props.inline ? "text-fg" : "text-fg-soft",
        props.hideLabel && "sr-only",
      )}
    >
      {props.label}
    </label>
  );
  return (
    <div className={cn("space-y-1.5", props.className)}>
      {props.inline ? (
        <div className="flex items-center justify-between gap-4">
          {label}
          {control}
        </div>
      ) : (
        <>
          {label}
          {control}
        </>
      )}
      {props.error ? (
        <p id={errorId} className="text-[13px] text-danger">
          {props.error}
        </p>
      ) : (
        props.hint && (
          <p id={hintId} className="text-xs text-fg-muted">
            {props.hint}
          </p>
        )
      )}
    </div>
  );
}
