"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { regenerateFeedAction, renameFeedAction, revokeFeedAction } from "@/lib/feeds/actions";
import { MAX_FEED_NAME } from "@/lib/feeds/types";
import { FeedAddress } from "./feed-address";

/** Revoking a feed, for its owner and for admins; asks first, since subscribed apps stop receiving updates. */
export function RevokeFeedButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("feeds");
  const revoke = useAction(revokeFeedAction);
  return (
    <>
      <Button
        size="sm"
        variant="danger"
        disabled={revoke.pending}
        aria-label={t("revokeOf", { name })}
        onClick={() => {
          if (window.confirm(t("revokeConfirm", { name }))) void revoke.run({ id });
        }}
      >
        {t("revoke")}
      </Button>
      {revoke.error ? (
        <p role="alert" className="basis-full text-xs text-red-700">
          {revoke.error}
        </p>
      ) : null}
    </>
  );
}

/** The owner's controls of one feed: rename, a new address (the old one dies), revoke. */
export function FeedControls({ id, name }: { id: string; name: string }) {
  const t = useTranslations("feeds");
  const [renaming, setRenaming] = useState(false);
  const [newName, setNewName] = useState(name);
  const [issued, setIssued] = useState<string | null>(null);
  const rename = useAction(renameFeedAction, () => setRenaming(false));
  const regenerate = useAction(regenerateFeedAction, (data) => setIssued(data.url));
  const error = rename.errorsFor("name")?.join(" ") ?? rename.error ?? regenerate.error;

  return (
    <div className="flex flex-wrap items-center gap-2">
      {renaming ? (
        <form
          className="flex items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void rename.run({ id, name: newName });
          }}
        >
          <Input aria-label={t("renameOf", { name })} value={newName} maxLength={MAX_FEED_NAME} onChange={(e) => setNewName(e.target.value)} className="w-48" />
          <Button size="sm" type="submit" variant="primary" disabled={rename.pending}>
            {t("save")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setRenaming(false)}>
            {t("cancel")}
          </Button>
        </form>
      ) : (
        <Button size="sm" onClick={() => setRenaming(true)}>
          {t("rename")}
        </Button>
      )}
      <Button
        size="sm"
        disabled={regenerate.pending}
        aria-label={t("regenerateOf", { name })}
        onClick={() => {
          if (window.confirm(t("regenerateConfirm", { name }))) void regenerate.run({ id });
        }}
      >
        {t("regenerate")}
      </Button>
      <RevokeFeedButton id={id} name={name} />
      {error ? (
        <p role="alert" className="basis-full text-xs text-red-700">
          {error}
        </p>
      ) : null}
      {issued ? (
        <div className="basis-full">
          <FeedAddress url={issued} name={name} message={t("regenerated")} />
        </div>
      ) : null}
    </div>
  );
}
