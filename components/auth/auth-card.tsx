import Link from "next/link";
import type { ReactNode } from "react";

/** The frame shared by sign-in and sign-up: heading, form, and the link to the other one. */
export function AuthCard(props: {
  title: string;
  subtitle: string;
  children: ReactNode;
  footer: { text: string; linkLabel: string; href: string };
}) {
  return (
    <div>
      <div className="mb-6 text-center sm:mb-7">
        <h1 className="text-2xl font-semibold tracking-tight text-fg">{props.title}</h1>
        <p className="mt-1.5 text-sm text-fg-muted">{props.subtitle}</p>
      </div>
      <div className="rounded-2xl bg-surface p-5 shadow-sm ring-1 ring-line/80 sm:p-7">
        {props.children}
      </div>
      <p className="mt-6 text-center text-sm text-fg-muted">
        {props.footer.text}{" "}
        <Link
          href={props.footer.href}
          className="rounded font-medium text-accent-700 hover:text-accent-600 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500"
        >
          {props.footer.linkLabel}
        </Link>
      </p>
    </div>
  );
}
