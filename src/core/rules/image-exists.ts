import { z } from 'zod';
import { defineRule } from './rule';

export default defineRule({
  id: 'image-exists',
  description: 'TODO',
  defaultSeverity: 'error',
  options: z.object({}),
  check() {
    // TODO
  },
});
