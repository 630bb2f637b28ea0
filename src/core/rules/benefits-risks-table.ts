import { z } from 'zod';
import { defineRule } from './rule';

export default defineRule({
  id: 'benefits-risks-table',
  description: 'TODO',
  defaultSeverity: 'error',
  options: z.object({}),
  check() {
    // TODO
  },
});
