import { expect, type Locator, type Page } from '@playwright/test';

/** The chart editor: fields by their labels, the save state and the completion action. */
export class ChartEditorPage {
  constructor(readonly page: Page) {}

  get form(): Locator {
    return this.page.getByRole('form', { name: 'Patient care report' });
  }

  get saveState(): Locator {
    return this.page.locator('.cl-save-state');
  }

  field(label: string): Locator {
    return this.form.locator('input, textarea, select').and(this.form.getByLabel(label, { exact: true }));
  }

  async fill(label: string, value: string): Promise<void> {
    await this.field(label).fill(value);
  }

  async select(label: string, option: string): Promise<void> {
    await this.field(label).selectOption({ label: option });
  }

  async expectSaved(): Promise<void> {
    await expect(this.saveState).toHaveText('Saved on this device');
  }

  chartId(): string {
    const match = /#\/chart\/(.+)$/.exec(this.page.url());
    if (!match?.[1]) throw new Error(`not on a chart: ${this.page.url()}`);
    return match[1];
  }

  async complete(): Promise<void> {
    await this.page.getByRole('button', { name: 'Complete chart' }).click();
  }

  get validationPanel(): Locator {
    return this.page.getByRole('region', { name: 'Chart checks' });
  }

  async signature(kind: string, signer: string): Promise<void> {
    await this.page.getByLabel('Signature type').selectOption({ label: kind });
    await this.page.getByLabel('Name of the person signing').fill(signer);
    const pad = this.page.getByRole('img', { name: /sign here/ });
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    if (!box) throw new Error('signature pad not visible');
    await this.page.mouse.move(box.x + 30, box.y + 40);
    await this.page.mouse.down();
    for (let i = 1; i <= 10; i += 1) await this.page.mouse.move(box.x + 30 + i * 25, box.y + 40 + (i % 2) * 50, { steps: 3 });
    await this.page.mouse.up();
    await this.page.getByRole('button', { name: 'Accept signature' }).click();
    await expect(this.page.getByRole('img', { name: new RegExp(`signature of ${signer}`) })).toBeVisible();
  }

  /** Attaches a 12-megapixel noisy JPEG made in the page (as a camera would hand it over). */
  async attachCameraPhoto(): Promise<number> {
    const input = this.page.locator('input[type="file"]');
    const originalSize = await input.evaluate(async (element) => {
      const canvas = document.createElement('canvas');
      canvas.width = 4000;
      canvas.height = 3000;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      const image = ctx.createImageData(4000, 3000);
      let seed = 12345;
      for (let i = 0; i < image.data.length; i += 4) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        image.data[i] = seed & 255;
        image.data[i + 1] = (seed >> 8) & 255;
        image.data[i + 2] = (seed >> 16) & 255;
        image.data[i + 3] = 255;
      }
      ctx.putImageData(image, 0, 0);
      const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob'))), 'image/jpeg', 0.92));
      const transfer = new DataTransfer();
      transfer.items.add(new File([blob], 'scene.jpg', { type: 'image/jpeg' }));
      (element as HTMLInputElement).files = transfer.files;
      element.dispatchEvent(new Event('change', { bubbles: true }));
      return blob.size;
    });
    await expect(this.page.locator('.cl-attachments li[data-sha256] img')).toHaveCount(1, { timeout: 60_000 });
    return originalSize;
  }
}
