/**
 * The bell in the header (issue #17; docs/workflow.md "Notifications and reminders"): the number
 * of unread notifications (GET /api/notifications, fetched again every minute and when the window
 * regains focus) and, on a click, the list: unread first, each with its title and sentence in the
 * UI language (the server writes both), when, a link to where to act (the entry form for what a
 * preparer must do, the cycle page for a reviewer's or approver's step) and "Mark read"
 * (POST /api/notifications/{id}/read); "Mark all read" (POST …/read-all). Keyboard: the button
 * opens and closes the list (aria-expanded); Escape closes it and focus goes back to the button.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../access';
import { collectionApi, type Notification } from '../api-collection';
import { formatTime, useLang } from '../i18n';
import { queryKeys } from '../query/keys';
import { useWrite } from '../query/write';
import { cycleHref, entryHref } from '../route';
import './notification-bell.css';

/** Kinds that ask the preparer to act on their own entry (the rest ask a reviewer, an approver…). */
const FOR_PREPARER = new Set(['returned', 'approved', 'reopened', 'overdue-reminder']);

function BellIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
      />
    </svg>
  );
}

export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const lang = useLang();
  const access = useAccess();
  const id = useId();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLElement>(null);
  const list = useQuery({
    queryKey: queryKeys.notifications(),
    queryFn: () => collectionApi.notifications(),
    refetchInterval: 60_000,
  });
  const markOne = useWrite({
    write: (nid: string) => collectionApi.markRead(nid),
    invalidates: () => [queryKeys.notifications()],
  });
  const markAll = useWrite({
    write: () => collectionApi.markAllRead(),
    invalidates: () => [queryKeys.notifications()],
  });
  // A click outside the list closes it.
  useEffect(() => {
    if (!open) return undefined;
    const away = (e: MouseEvent) => {
      const target = e.target as Node | null;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);
  const unread = list.data?.unread ?? 0;
  const items = list.data?.notifications ?? [];
  const hrefOf = (n: Notification) =>
    FOR_PREPARER.has(n.kind) && access.mayOpen('entry')
      ? entryHref(n.entityId, n.periodId, n.topic)
      : cycleHref(n.periodId);
  return (
    <span className="bell-wrap">
      <button
        ref={button}
        type="button"
        className="bell"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        aria-label={unread > 0 ? t('bellUnread', { count: unread }) : t('bell')}
        data-bell
        onClick={() => setOpen(!open)}
      >
        <BellIcon />
        {unread > 0 ? (
          <span className="bell-count" data-unread={unread}>
            {unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <section
          ref={panel}
          id={`${id}-panel`}
          className="bell-panel"
          aria-labelledby={`${id}-title`}
          data-bell-panel
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setOpen(false);
              button.current?.focus();
            }
          }}
        >
          <div className="bell-head">
            <h2 id={`${id}-title`}>{t('title')}</h2>
            {unread > 0 ? (
              <button
                type="button"
                className="small lang"
                data-mark-all
                disabled={markAll.isPending}
                onClick={() => markAll.mutate(undefined)}
              >
                {t('markAll')}
              </button>
            ) : null}
            <button
              type="button"
              className="small lang"
              onClick={() => {
                setOpen(false);
                button.current?.focus();
              }}
            >
              {t('close')}
            </button>
          </div>
          {items.length === 0 ? <p className="muted">{t('none')}</p> : null}
          <ul className="bell-list">
            {items.map((n) => {
              const title = n.title[lang];
              return (
                <li
                  key={n.id}
                  className={n.readAt ? 'read' : 'unread'}
                  data-notification={n.kind}
                  data-read={n.readAt ? 'yes' : 'no'}
                >
                  <a
                    href={hrefOf(n)}
                    onClick={() => {
                      if (!n.readAt) markOne.mutate(n.id);
                      setOpen(false);
                    }}
                  >
                    {n.readAt ? null : <span className="sr-only">{t('unread')}: </span>}
                    <strong>{title}</strong>
                  </a>
                  <p>{n.text[lang]}</p>
                  <div className="bell-meta">
                    <span className="muted small-text">{formatTime(n.createdAt, lang)}</span>
                    {n.readAt ? null : (
                      <button
                        type="button"
                        className="small lang"
                        aria-label={t('markReadOf', { title })}
                        data-mark-read={n.id}
                        disabled={markOne.isPending}
                        onClick={() => markOne.mutate(n.id)}
                      >
                        {t('markRead')}
                      </button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </span>
  );
}
