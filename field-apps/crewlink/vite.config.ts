import { defineFieldAppConfig } from '../../vite.config.base';

export default defineFieldAppConfig({
  id: 'crewlink',
  name: 'CrewLink',
  shortName: 'CrewLink',
  description: 'Patient care reports and flight logs for EMS and flight crews, offline first.',
  themeColor: '#b91c1c',
});
