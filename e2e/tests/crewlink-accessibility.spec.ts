import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { CrewLinkApp } from '../pages/crewlink-app';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

for (const viewport of [{ width: 1280, height: 800 }, { width: 800, height: 1280 }]) {
  test(`chart list and chart editor have no serious or critical axe violations at ${viewport.width}x${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const app = new CrewLinkApp(page);
    await app.signIn('medic');
    expect(await seriousViolations(page)).toEqual([]);

    const editor = await app.newBlankChart();
    await page.getByRole('button', { name: 'Add vital set' }).click();
    await editor.fill('Last name', 'Axe');
    await editor.expectSaved();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
