// pii-id, pii-phone, pii-card: identifying numbers, found once per text by numbers.ts.
import { findNumbers, maskMiddle, maskPhone, phoneDigits, type NumberKind } from './numbers.ts';
import type { Detector, DetectorHit } from './types.ts';

function numberDetector(id: string, kind: NumberKind): Detector {
  return {
    id,
    pii: true,
    create: () => (views, ctx) => {
      const allowed = new Set([...ctx.allowedPhones, ...ctx.hotlines].map(phoneDigits).filter(Boolean));
      const hits: DetectorHit[] = [];
      for (const view of views) {
        for (const n of findNumbers(view)) {
          if (n.kind !== kind) continue;
          if (kind === 'phone' && allowed.has(n.digits)) continue;
          const masked = kind === 'phone' ? maskPhone(n.digits, n.prefix) : maskMiddle(n.digits);
          const why = n.why === 'unionpay' ? '（银联卡号 62 开头，校验位不符）' : n.why === 'luhn' ? '（符合卡号校验规则）' : '';
          hits.push({ view: view.index, from: n.from, to: n.to, excerpt: masked, fix: masked, data: { masked, why } });
        }
      }
      return hits;
    },
  };
}

export const piiId = numberDetector('pii-id', 'id');
export const piiPhone = numberDetector('pii-phone', 'phone');
export const piiCard = numberDetector('pii-card', 'card');
