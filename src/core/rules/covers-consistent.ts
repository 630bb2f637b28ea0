import { z } from 'zod';
import { defineRule } from './rule';

export default defineRule({
  id: 'covers-consistent',
  description: 'TODO',
  defaultSeverity: 'error',
  options: z.object({}),
  check() {
    // TODO
  },
});
