import type { ReactNode } from "react";
import { AccentFrame } from "@/components/brand/accent-frame";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <AccentFrame>
      <div className="w-full max-w-[400px]">{children}</div>
    </AccentFrame>
  );
}
