"use client";
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { collectionHref } from "@/components/collections/collection-href";
import { collectionKeys, useCollections } from "@/components/collections/queries";
import { ShareDialog } from "@/components/sharing/share-dialog";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FolderPlusIcon, PencilIcon, TrashIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { createCollectionAction } from "@/lib/actions/collections/create-collection";
import { deleteCollectionAction } from "@/lib/actions/collections/delete-collection";
import { renameCollectionAction } from "@/lib/actions/collections/rename-collection";
import type { CollectionWithMembership } from "@/lib/collections/dto";
import { ActionError, useActionMutation } from "@/lib/queries/use-action-mutation";

/** The workspace's collections: create, open in the gallery, rename, share, delete. */
export function CollectionsManager(props: {
  slug: string;
  initial: CollectionWithMembership[];
  canManage: boolean;
  canShare: boolean;
}) {
  const t = useTranslations("collections");
  const qc = useQueryClient();
  const collections = useCollections(props.slug);
  const list = collections.data ?? props.initial;
  const [name, setName] = useState("");
  const create = useActionMutation(
    (n: string) => createCollectionAction({ workspaceSlug: props.slug, name: n }),
    {
      onSuccess: () => {
        setName("");
        void qc.invalidateQueries({ queryKey: collectionKeys.all(props.slug) });
      },
    },
  );

  function onCreate(e: FormEvent) {
    e.preventDefault();
    if (name.trim()) create.mutate(name.trim());
  }

  return (
    <div className="space-y-5">
      {props.canManage && (
        <form
          onSubmit={onCreate}
          className="flex flex-col gap-2 rounded-2xl bg-surface p-4 shadow-xs ring-1 ring-line/80 sm:flex-row sm:items-center"
        >
          <label htmlFor="new-collection" className="sr-only">
            {t("newPlaceholder")}
          </label>
          <input
            id="new-collection"
            value={name}
            maxLength={80}
            onChange={(e) => setName(e.target.value)}
            placeholder={t("newPlaceholder")}
            className="h-10 min-w-0 rounded-lg bg-surface px-3 text-sm sm:flex-1 shadow-xs ring-1 ring-inset ring-line focus:ring-2 focus:ring-accent-500 focus:outline-none"
          />
          <Button type="submit" disabled={!name.trim() || create.isPending}>
            {create.isPending ? <Spinner /> : <FolderPlusIcon className="size-4" />}
            {t("createCollection")}
          </Button>
        </form>
      )}
      {create.error && (
        <Alert>
          {create.error instanceof ActionError && create.error.code === "conflict"
            ? t("nameTaken")
            : t("error")}
        </Alert>
      )}
      {list.length === 0 ? (
        <div className="flex flex-col items-center rounded-2xl border border-dashed border-line-strong bg-surface/60 px-6 py-14 text-center">
          <div className="flex size-11 items-center justify-center rounded-xl bg-accent-50 text-accent-600 ring-1 ring-accent-100">
            <FolderPlusIcon className="size-5" />
          </div>
          <p className="mt-4 text-sm font-semibold text-fg">{t("emptyTitle")}</p>
          <p className="mt-1 max-w-xs text-[13px] leading-5 text-fg-muted">{t("emptyBody")}</p>
        </div>
      ) : (
        <ul className="divide-y divide-line-soft rounded-2xl bg-surface px-4 shadow-xs ring-1 ring-line/80">
          {list.map((c) => (
            <CollectionRow
              key={c.id}
              slug={props.slug}
              collection={c}
              canManage={props.canManage}
              canShare={props.canShare}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function CollectionRow(props: {
  slug: string;
  collection: CollectionWithMembership;
  canManage: boolean;
  canShare: boolean;
}) {
  const t = useTranslations("collections");
  const qc = useQueryClient();
  const { collection: c } = props;
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(c.name);
  const invalidate = () => void qc.invalidateQueries({ queryKey: collectionKeys.all(props.slug) });
  const rename = useActionMutation(
    (n: string) =>
      renameCollectionAction({ workspaceSlug: props.slug, collectionId: c.id, name: n }),
    {
      onSuccess: () => {
        setEditing(false);
        invalidate();
      },
    },
  );
  const remove = useActionMutation(
    () => deleteCollectionAction({ workspaceSlug: props.slug, collectionId: c.id }),
    { onSuccess: invalidate },
  );
  const href = collectionHref(props.slug, c.id);
  const error = rename.error ?? remove.error;

  return (
    <li data-testid="collection-row" className="flex flex-wrap items-center gap-3 py-3">
      {editing ? (
        <form
          className="flex min-w-0 flex-1 gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) rename.mutate(name.trim());
          }}
        >
          <input
            value={name}
            maxLength={80}
            aria-label={t("rename")}
            onChange={(e) => setName(e.target.value)}
            // biome-ignore lint/a11y/noAutofocus: the field the person just asked to edit
            autoFocus
            className="h-9 min-w-0 flex-1 rounded-lg px-3 text-sm ring-1 ring-inset ring-line focus:ring-2 focus:ring-accent-500 focus:outline-none"
          />
          <Button type="submit" size="sm" disabled={rename.isPending || !name.trim()}>
            {t("save")}
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setEditing(false)}>
            {t("cancel")}
          </Button>
        </form>
      ) : (
        <Link href={href} className="group min-w-48 flex-1">
          <p className="truncate text-sm font-medium text-fg group-hover:underline">{c.name}</p>
          <p className="text-xs text-fg-muted">{t("videoCount", { count: c.itemCount })}</p>
        </Link>
      )}
      {!editing && (
        <div className="flex flex-wrap items-center justify-end gap-1.5">
          <Link href={href} className={buttonClasses({ variant: "secondary", size: "sm" })}>
            {t("open")}
          </Link>
          {props.canShare && (
            <ShareDialog
              slug={props.slug}
              target={{ type: "collection", collectionId: c.id }}
              size="sm"
            />
          )}
          {props.canManage && (
            <>
              <Button
                variant="ghost"
                size="sm"
                aria-label={t("rename")}
                title={t("rename")}
                onClick={() => {
                  setName(c.name);
                  setEditing(true);
                }}
              >
                <PencilIcon className="size-4" />
              </Button>
              <ConfirmButton
                ghost
                label={<TrashIcon className="size-4" />}
                name={t("delete")}
                title={t("deleteTitle")}
                question={t("confirmDelete", { name: c.name })}
                confirmLabel={t("confirmDeleteButton")}
                pending={remove.isPending}
                onConfirm={() => remove.mutateAsync(undefined)}
              />
            </>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="w-full text-xs text-danger">
          {error instanceof ActionError && error.code === "conflict" ? t("nameTaken") : t("error")}
        </p>
      )}
    </li>
  );
}
