"use client";
import { isServer, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type AbstractIntlMessages, NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { ThemeProvider } from "@/components/theme/theme-provider";
import { NoticeHost } from "@/components/ui/notices/notice-host";
import type { Locale } from "@/lib/i18n/locales";
import type { Theme } from "@/lib/theme/themes";

function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Pages arrive with server-rendered data; don't refetch it the moment it hydrates.
      queries: { staleTime: 30_000, refetchOnWindowFocus: true },
    },
  });
}

// One client per browser tab (a new one per server request), as in create-t3-app.
let browserQueryClient: QueryClient | undefined;
function getQueryClient() {
  if (isServer) return createQueryClient();
  browserQueryClient ??= createQueryClient();
  return browserQueryClient;
}

export function Providers(props: {
  locale: Locale;
  messages: AbstractIntlMessages;
  timeZone: string;
  theme: Theme;
  children: ReactNode;
}) {
  const queryClient = getQueryClient();
  return (
    <NextIntlClientProvider
      locale={props.locale}
      messages={props.messages}
      timeZone={props.timeZone}
    >
      <ThemeProvider initial={props.theme}>
        <QueryClientProvider client={queryClient}>
          {props.children}
          <NoticeHost />
        </QueryClientProvider>
      </ThemeProvider>
    </NextIntlClientProvider>
  );
}
