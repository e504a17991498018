/**
 * The closed select's face, shared by the select itself and by stand-ins shown until its code is
 * loaded (components/ui/press-to-load.tsx), which must not import the primitive.
 */
export const SELECT_TRIGGER_CLASSES = [
  "flex h-9 items-center justify-between gap-2 rounded-lg bg-surface pr-2.5 pl-3 text-left text-sm text-fg shadow-xs ring-1 ring-line ring-inset",
  "focus:ring-2 focus:ring-accent-500 focus:outline-none data-[placeholder]:text-fg-subtle",
  "disabled:cursor-not-allowed disabled:bg-canvas disabled:text-fg-muted",
  "aria-[invalid=true]:ring-danger-line",
].join(" ");
