import { expect, test } from '@playwright/test';
import { CrewLinkApp } from '../pages/crewlink-app';
import { SyncApi } from '../pages/sync-api';

test('a signature and a 12-megapixel photo are compressed, synced and readable from another login', async ({ page, request }) => {
  test.setTimeout(150_000);
  const app = new CrewLinkApp(page);
  await app.signIn('medic');
  const editor = await app.newBlankChart();
  const id = editor.chartId();
  await editor.fill('Last name', `Attach${Date.now().toString(36)}`);
  await editor.signature('Patient consent', 'Robin Patient');
  const originalSize = await editor.attachCameraPhoto();
  expect(originalSize).toBeGreaterThan(1_000_000);
  await editor.fill('Caption, photo 1', 'Scene: ladder and wet floor');
  await editor.expectSaved();
  await app.expectSynced();

  const emt = await SyncApi.login(request, 'emt');
  const chart = await emt.getChart(id);
  expect(chart?.signatures).toHaveLength(1);
  expect(chart?.photos).toHaveLength(1);
  const signature = await emt.getAttachment(chart?.signatures[0]?.attachmentSha256 ?? '');
  expect(signature).toMatchObject({ status: 200, contentType: 'image/png' });
  expect(signature.size).toBeGreaterThan(0);
  const photo = await emt.getAttachment(chart?.photos[0]?.attachmentSha256 ?? '');
  expect(photo.status).toBe(200);
  expect(photo.contentType).toBe('image/jpeg');
  expect(photo.size).toBeLessThan(500 * 1024);
});
