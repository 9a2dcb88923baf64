import { defineFieldAppConfig } from '../../vite.config.base.ts';

export default defineFieldAppConfig({
  id: 'mdt',
  name: 'MDT',
  shortName: 'MDT',
  description: 'Dispatch, units, hydrants, inspections and pre-plans for the mobile data terminal.',
  themeColor: '#1d4ed8',
});
