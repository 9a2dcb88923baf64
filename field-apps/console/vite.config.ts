import { defineFieldAppConfig } from '../../vite.config.base.ts';

export default defineFieldAppConfig({
  id: 'console',
  name: 'Console',
  shortName: 'Console',
  description: 'QA review, conflicts, exports and sync health for supervisors.',
  themeColor: '#374151',
});
