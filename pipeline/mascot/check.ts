// The loader's check of `mascot:` in a brief, from the mascot's own pose data: an unknown pose or
// expression is a located error listing the known ones.
import { EXPRESSIONS, POSES } from './compose.ts';

export function checkMascot(m: { pose: string; expression?: string }) {
  if (!POSES.includes(m.pose)) return { field: 'pose' as const, message: `Unknown mascot pose \`${m.pose}\`; known: ${POSES.join(', ')}` };
  if (m.expression !== undefined && !EXPRESSIONS.includes(m.expression)) {
    return { field: 'expression' as const, message: `Unknown mascot expression \`${m.expression}\`; known: ${EXPRESSIONS.join(', ')}` };
  }
  return undefined;
}
