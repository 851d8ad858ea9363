import { CardlensProvider } from '@/ui/cardlens';
import { ConnectionProvider } from '@/ui/connection';
import { I18nProvider } from '@/ui/i18n';
import { createClient } from './connections';
import { engine } from './engine';
import { Shell } from './shell';

export function App() {
  return (
    <I18nProvider>
      <ConnectionProvider createClient={createClient}>
        <CardlensProvider engine={engine}>
          <Shell />
        </CardlensProvider>
      </ConnectionProvider>
    </I18nProvider>
  );
}
