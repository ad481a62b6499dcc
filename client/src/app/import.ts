/**
 * The Import… dialog, next to Export…. A written import reloads the page (its state is in the address
 * bar), which then offers the dataset just imported (a role catalogue writes none).
 */
import { DatasetPicker } from '../ui/dataset-picker.js';
import { ImportDialog } from '../ui/import-dialog.js';
import { byId, type AppContext } from './context.js';

export function mountImport(ctx: AppContext): void {
  const dialog = new ImportDialog({
    lang: ctx.lang,
    onImported: (report) => {
      if (report.unit) DatasetPicker.rememberOffer(report.dataset);
      setTimeout(() => window.location.reload(), 1500);
    },
  });
  byId('export-open').after(dialog.button);
  ctx.store.watch((st) => st.lang, () => dialog.refresh());
}
