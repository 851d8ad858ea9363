import { useEffect, useState, useSyncExternalStore, type ComponentType } from 'react';
import { lazyResource } from '@/lib/lazy-resource';
import { useI18n } from './i18n';

export type LazyView<P extends object> = ComponentType<P> & {
  /** Fetches the view's code ahead, as the app does while the browser is idle. Never rejects. */
  prefetch: () => Promise<void>;
};

/**
 * A screen whose code arrives by import() the first time it is shown (or prefetched). Until then it says
 * it is loading; once here, it renders at once. Code that failed to arrive says so, and Retry asks for it
 * again: the one failure rule of every load in the app (lazyResource).
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): LazyView<P> {
  const code = lazyResource(load);
  function View(props: P) {
    const Loaded = useSyncExternalStore(code.subscribe, code.current);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Loaded || failed) return;
      let live = true;
      code.load().catch(() => live && setFailed(true));
      return () => {
        live = false;
      };
    }, [Loaded, failed]);
    // A screen beyond the first needs the rest of the text too (i18n.tsx), which arrives beside its code.
    const { complete, moreFailed, retryMore } = useI18n();
    // The loaded module's component: one object for the page's lifetime, not one made per render.
    // eslint-disable-next-line react-hooks/static-components
    if (Loaded && complete) return <Loaded {...props} />;
    if (!failed && !moreFailed) return <ViewLoading />;
    const retry = () => {
      setFailed(false);
      if (moreFailed) retryMore();
    };
    return <ViewFailed onRetry={retry} />;
  }
  return Object.assign(View, {
    prefetch: () =>
      code.load().then(
        () => undefined,
        () => undefined,
      ),
  });
}

/** Shown while a screen's code arrives: a polite status, brief on a warm cache. */
export function ViewLoading() {
  const { t } = useI18n();
  return (
    <p className="screen-loading hint" role="status">
      {t('loading')}
    </p>
  );
}

function ViewFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{t('viewFailed')}</p>
      <button type="button" onClick={onRetry}>
        {t('retry')}
      </button>
    </div>
  );
}
