import { defineFieldAppConfig } from '../../vite.config.base.ts';

export default defineFieldAppConfig({
  id: 'portal',
  name: 'Patient Portal',
  shortName: 'Patient Portal',
  description: 'Statements, secure messages and record requests for patients and families.',
  themeColor: '#047857',
});
