import { expect, test } from '@playwright/test';
import { CrewLinkApp } from '../pages/crewlink-app';
import { ChartEditorPage } from '../pages/chart-editor-page';

test('typing then leaving at once (before the save debounce) still keeps the text', async ({ page }) => {
  const app = new CrewLinkApp(page);
  await app.signIn('medic');
  const editor = await app.newBlankChart();
  const url = page.url();
  await editor.field('Narrative').pressSequentially('Left the page right away', { delay: 5 });
  // No wait for "Saved": the page goes away while the last keystrokes are still pending.
  await page.goto('about:blank');
  await page.goto(url);
  const again = new ChartEditorPage(page);
  await expect(again.field('Narrative')).toHaveValue('Left the page right away');
});
