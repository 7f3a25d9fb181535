// Progress for the weekly batch: a redrawn bar on a terminal, plain lines elsewhere (CI, logs).
export interface Progress {
  tick(label: string, ok: boolean): void;
  done(): void;
}

export function progress(total: number, stream: NodeJS.WriteStream | { isTTY?: boolean; write(s: string): unknown }): Progress {
  let n = 0;
  const started = Date.now();
  if (stream.isTTY) {
    const width = 28;
    const draw = (label: string) => {
      const filled = total ? Math.round((n / total) * width) : width;
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      stream.write(`\r\x1b[2K[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${n}/${total} ${secs}s ${label}`);
    };
    return {
      tick(label) {
        n++;
        draw(label);
      },
      done() {
        stream.write('\r\x1b[2K');
      },
    };
  }
  return {
    tick(label, ok) {
      n++;
      stream.write(`[${n}/${total}] ${ok ? 'ok  ' : 'FAIL'} ${label}\n`);
    },
    done() {},
  };
}
