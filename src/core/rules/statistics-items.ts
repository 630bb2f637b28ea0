import { z } from 'zod';
import { defineRule } from './rule';

export default defineRule({
  id: 'statistics-items',
  description: 'TODO',
  defaultSeverity: 'error',
  options: z.object({}),
  check() {
    // TODO
  },
});
