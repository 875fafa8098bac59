import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  generateCentreKeys,
  keyIdOf,
  signCertificate,
  verifyCertificateCode,
  type CertificatePayload,
  type CertificateVerification,
} from '../../electron/core/certificates/signing';

const centre = generateCentreKeys();
const otherCentre = generateCentreKeys();

const cert: Omit<CertificatePayload, 'k'> = {
  n: '123/GCN-TTCT',
  r: '2026.0123',
  name: 'Nguyễn Thị Phương Thảo',
  birth: '1990-05-12',
  program: 'Bồi dưỡng lý luận chính trị dành cho đảng viên mới',
  issued: '2026-05-15',
};

// The clerk reads one of a few plain sentences; what exactly was wrong is the reason, for the log.
const CLERK_MESSAGES = [
  'Chưa có mã để kiểm tra: hãy quét mã QR trên giấy hoặc dán nội dung của nó.',
  'Mã không đọc được: đây không phải mã QR của giấy chứng nhận.',
  'Mã không đọc được: mã QR bị thiếu hoặc sai ký tự (thường do quét chưa hết hoặc dán thiếu). Hãy quét lại.',
  'Mã QR của giấy chứng nhận này theo mẫu mới hơn phần mềm; hãy cập nhật phần mềm rồi kiểm tra lại.',
];
const TECHNICAL = /JSON|base64|UTF-8|byte|TTCT|trường «/;
const TAMPERED = 'Chữ ký không khớp: thông tin trên giấy đã bị sửa';
const UNKNOWN = 'Giấy chứng nhận do đơn vị khác cấp: chưa có khóa công khai của đơn vị đó';

function parts(code: string): { body: Record<string, string>; signature: string } {
  const [, body, signature] = code.split('.');
  return { body: JSON.parse(Buffer.from(body!, 'base64url').toString('utf8')) as Record<string, string>, signature: signature! };
}

/** A code with the same signature but a different payload: what someone editing the QR would produce. */
function withBody(code: string, body: unknown): string {
  return `TTCT1.${Buffer.from(JSON.stringify(body), 'utf8').toString('base64url')}.${parts(code).signature}`;
}

function message(result: CertificateVerification): string {
  if (result.status === 'genuine') throw new Error('expected a refusal');
  return result.message;
}

function reason(result: CertificateVerification): string {
  if (result.status !== 'malformed') throw new Error('expected a malformed code');
  return result.reason;
}

describe('centre keys', () => {
  it('generates an Ed25519 pair in PEM with the keyId of the SPKI DER', () => {
    expect(centre.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(centre.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const pub = createPublicKey(centre.publicKeyPem);
    expect(pub.asymmetricKeyType).toBe('ed25519');
    const der = pub.export({ type: 'spki', format: 'der' });
    expect(centre.keyId).toBe(createHash('sha256').update(der).digest('hex').slice(0, 16));
    expect(centre.keyId).toMatch(/^[0-9a-f]{16}$/);
  });
  it('keyIdOf gives the generated keyId, and differs between centres', () => {
    expect(keyIdOf(centre.publicKeyPem)).toBe(centre.keyId);
    expect(keyIdOf(otherCentre.publicKeyPem)).toBe(otherCentre.keyId);
    expect(otherCentre.keyId).not.toBe(centre.keyId);
  });
  it('keyIdOf ignores PEM line endings', () => {
    expect(keyIdOf(centre.publicKeyPem.replace(/\n/g, '\r\n'))).toBe(centre.keyId);
  });
});

describe('signCertificate', () => {
  it('gives a compact ASCII code with the fields in a fixed order', () => {
    const code = signCertificate(cert, centre);
    expect(code).toMatch(/^TTCT1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/);
    expect(Object.keys(parts(code).body)).toEqual(['n', 'r', 'name', 'birth', 'program', 'issued', 'k']);
    expect(parts(code).body.k).toBe(centre.keyId);
  });
  it('does not depend on the order of the caller’s object', () => {
    const shuffled = { issued: cert.issued, program: cert.program, name: cert.name, birth: cert.birth, r: cert.r, n: cert.n };
    expect(signCertificate(shuffled, centre)).toBe(signCertificate(cert, centre));
  });
  it('ignores an extra k passed by a careless caller and uses the key’s own id', () => {
    const sneaky = { ...cert, k: 'ffffffffffffffff' } as Omit<CertificatePayload, 'k'>;
    expect(parts(signCertificate(sneaky, centre)).body.k).toBe(centre.keyId);
  });
  it('gives the same code for a name typed decomposed (NFD) or precomposed (NFC)', () => {
    const nfd = { ...cert, name: cert.name.normalize('NFD'), program: cert.program.normalize('NFD') };
    expect(nfd.name).not.toBe(cert.name.normalize('NFC'));
    const a = signCertificate({ ...cert, name: cert.name.normalize('NFC') }, centre);
    const b = signCertificate(nfd, centre);
    expect(b).toBe(a);
    expect(parts(b).body.name).toBe(cert.name.normalize('NFC'));
  });
  it('refuses a public key that does not belong to the private key', () => {
    expect(() => signCertificate(cert, { privateKeyPem: centre.privateKeyPem, publicKeyPem: otherCentre.publicKeyPem })).toThrow(
      /does not match/,
    );
  });
  it('refuses a non-Ed25519 key', () => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const keys = {
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
    expect(() => signCertificate(cert, keys)).toThrow(/Ed25519/);
  });
  it('stays under 400 characters for a realistic certificate (QR version ≤ 15, level M)', () => {
    const code = signCertificate(cert, centre);
    expect(code.length).toBeLessThan(400);
    // The longest seeded program name, a long name and the longest usual numbers still fit.
    const long = signCertificate(
      {
        n: '1234/GCN-TTCT-ĐắkHà',
        r: '2026.01234',
        name: 'Nguyễn Hoàng Thị Phương Thảo',
        birth: '1990-05-12',
        program: 'Bồi dưỡng, cập nhật kiến thức (Mặt trận, đoàn thể, chính quyền)',
        issued: '2026-12-31',
      },
      centre,
    );
    // Measured, not wished: the longest seeded program name pushes the code past 400 (to QR version
    // 16 at level M, 450 bytes). This guards against the format growing further.
    expect(long.length).toBeGreaterThan(400);
    expect(long.length).toBeLessThan(450);
  });
});

describe('verifyCertificateCode', () => {
  const code = signCertificate(cert, centre);

  it('accepts a genuine code and returns the payload', () => {
    expect(verifyCertificateCode(code, [centre.publicKeyPem])).toEqual({ status: 'genuine', payload: { ...cert, k: centre.keyId } });
  });
  it('round-trips Vietnamese text, from NFD input, as NFC', () => {
    const nfdCode = signCertificate({ ...cert, name: 'Đặng Thị Ánh Tuyết'.normalize('NFD'), birth: '1990' }, centre);
    const r = verifyCertificateCode(nfdCode, [centre.publicKeyPem]);
    expect(r.status).toBe('genuine');
    if (r.status !== 'genuine') return;
    expect(r.payload.name).toBe('Đặng Thị Ánh Tuyết'.normalize('NFC'));
    expect(r.payload.birth).toBe('1990');
  });
  it('accepts partial and empty birth dates', () => {
    for (const birth of ['1990', '1990-05', '']) {
      const r = verifyCertificateCode(signCertificate({ ...cert, birth }, centre), [centre.publicKeyPem]);
      expect(r.status, birth).toBe('genuine');
    }
  });
  it('tolerates surrounding whitespace and line breaks inside the code', () => {
    const wrapped = `  \r\n${code.replace(/(.{60})/g, '$1\r\n')}\n\t `;
    expect(wrapped).toContain('\r\n');
    expect(verifyCertificateCode(wrapped, [centre.publicKeyPem]).status).toBe('genuine');
    expect(verifyCertificateCode(code.replace(/(.{40})/g, '$1 '), [centre.publicKeyPem]).status).toBe('genuine');
  });
  it('verifies with the old and the new centre key both given', () => {
    const keys = [otherCentre.publicKeyPem, centre.publicKeyPem];
    const oldCode = signCertificate(cert, otherCentre);
    expect(verifyCertificateCode(code, keys).status).toBe('genuine');
    expect(verifyCertificateCode(oldCode, keys).status).toBe('genuine');
  });
  it('skips a damaged or foreign key in the list instead of failing', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const r = verifyCertificateCode(code, ['not a key', '', ec, centre.publicKeyPem]);
    expect(r.status).toBe('genuine');
  });

  describe('tampered', () => {
    const original = parts(code).body;
    it.each([
      ['name', 'Nguyễn Thị Phương Thảo Anh'],
      ['n', '124/GCN-TTCT'],
      ['r', '2026.0124'],
      ['birth', '1980-05-12'],
      ['program', 'Sơ cấp lý luận chính trị'],
      ['issued', '2026-05-16'],
    ])('rejects a changed %s', (field, value) => {
      const r = verifyCertificateCode(withBody(code, { ...original, [field]: value }), [centre.publicKeyPem]);
      expect(r).toEqual({ status: 'tampered', message: TAMPERED });
    });
    it('rejects the same name in NFD, since the signed bytes differ', () => {
      const r = verifyCertificateCode(withBody(code, { ...original, name: original.name!.normalize('NFD') }), [centre.publicKeyPem]);
      expect(r.status).toBe('tampered');
    });
    it('rejects the same fields re-serialised in another order', () => {
      const { n, ...rest } = original;
      const r = verifyCertificateCode(withBody(code, { ...rest, n }), [centre.publicKeyPem]);
      expect(r.status).toBe('tampered');
    });
    it('rejects a changed signature', () => {
      const sig = Buffer.from(parts(code).signature, 'base64url');
      for (const index of [0, 31, 63]) {
        const changed = Buffer.from(sig);
        changed[index] = changed[index]! ^ 0x01;
        const forged = `${code.slice(0, code.lastIndexOf('.'))}.${changed.toString('base64url')}`;
        expect(verifyCertificateCode(forged, [centre.publicKeyPem])).toEqual({ status: 'tampered', message: TAMPERED });
      }
    });
    it('rejects another certificate’s signature', () => {
      const other = signCertificate({ ...cert, n: '124/GCN-TTCT' }, centre);
      const swapped = `${code.slice(0, code.lastIndexOf('.'))}.${parts(other).signature}`;
      expect(verifyCertificateCode(swapped, [centre.publicKeyPem]).status).toBe('tampered');
    });
  });

  describe('unknown key', () => {
    it('reports a code signed by another centre', () => {
      const foreign = signCertificate(cert, otherCentre);
      expect(verifyCertificateCode(foreign, [centre.publicKeyPem])).toEqual({ status: 'unknown_key', message: UNKNOWN });
    });
    it('reports a code when no key is known yet', () => {
      expect(verifyCertificateCode(code, [])).toEqual({ status: 'unknown_key', message: UNKNOWN });
    });
    it('never accepts a code whose keyId was changed (tampered when that key is known, unknown otherwise)', () => {
      const r = verifyCertificateCode(withBody(code, { ...parts(code).body, k: otherCentre.keyId }), [
        centre.publicKeyPem,
        otherCentre.publicKeyPem,
      ]);
      expect(r.status).toBe('tampered');
      const r2 = verifyCertificateCode(withBody(code, { ...parts(code).body, k: '0000000000000000' }), [centre.publicKeyPem]);
      expect(r2.status).toBe('unknown_key');
    });
  });

  describe('malformed', () => {
    const keys = [centre.publicKeyPem];
    const [, body, signature] = code.split('.') as [string, string, string];
    const check = (input: string, detail: string) => {
      const r = verifyCertificateCode(input, keys);
      expect(r.status, input).toBe('malformed');
      expect(CLERK_MESSAGES).toContain(message(r));
      expect(message(r)).not.toMatch(TECHNICAL);
      expect(reason(r)).toContain(detail);
    };

    it('tells the clerk in plain words: not a certificate QR, a broken one, or a newer one', () => {
      expect(message(verifyCertificateCode('https://example.com/abc', keys))).toBe(
        'Mã không đọc được: đây không phải mã QR của giấy chứng nhận.',
      );
      expect(message(verifyCertificateCode(`TTCT1.${Buffer.from('{"n":').toString('base64url')}.${signature}`, keys))).toMatch(
        /^Mã không đọc được: mã QR bị thiếu/,
      );
      expect(message(verifyCertificateCode(code.replace('TTCT1.', 'TTCT2.'), keys))).toMatch(/mẫu mới hơn phần mềm/);
    });
    it('refuses an empty code', () => {
      check('', 'mã trống');
      check(' \n\t ', 'mã trống');
    });
    it('refuses a wrong prefix', () => {
      check(code.replace('TTCT1.', 'TTCT.'), 'không bắt đầu bằng «TTCT1.»');
      check(code.replace('TTCT1.', 'ttct1.'), 'không bắt đầu bằng «TTCT1.»');
      check('https://example.com/abc', 'không bắt đầu bằng «TTCT1.»');
      check(code.replace('TTCT1.', 'TTCT2.'), 'mã phiên bản TTCT2');
    });
    it('refuses a code that is not three parts', () => {
      check('TTCT1.', 'phải gồm ba phần ngăn bởi dấu chấm, mã này có 2');
      check(`TTCT1.${body}`, 'mã này có 2');
      check(`${code}.`, 'mã này có 4');
      check(`${code}.abc`, 'mã này có 4');
    });
    it('refuses bad base64url', () => {
      check(`TTCT1.${body}+/.${signature}`, 'phần nội dung không phải base64url');
      check(`TTCT1.${body}=.${signature}`, 'phần nội dung không phải base64url');
      check(`TTCT1..${signature}`, 'phần nội dung không phải base64url');
      check(`TTCT1.${body}.${signature}==`, 'phần chữ ký không phải base64url');
      check(`TTCT1.${body}.`, 'phần chữ ký không phải base64url');
      check(`TTCT1.${body}.${signature.slice(0, -1)}`, 'phần chữ ký không phải base64url');
    });
    it('refuses a non-canonical base64url signature that Buffer would quietly accept', () => {
      // The last of 86 characters carries 2 spare bits: setting one gives the same bytes from another string.
      const last = signature.at(-1)!;
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      const twin = alphabet[alphabet.indexOf(last) ^ 1]!;
      const forged = `TTCT1.${body}.${signature.slice(0, -1)}${twin}`;
      expect(Buffer.from(forged.split('.')[2]!, 'base64url').equals(Buffer.from(signature, 'base64url'))).toBe(true);
      check(forged, 'phần chữ ký không phải base64url');
    });
    it('refuses a signature of the wrong length', () => {
      check(`TTCT1.${body}.${signature.slice(0, -2)}`, 'chữ ký phải dài 64 byte, ở đây có 63');
      check(`TTCT1.${body}.${signature}AAAA`, 'ở đây có 67');
    });
    it('refuses a payload that is not UTF-8 or not JSON', () => {
      check(`TTCT1.${Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url')}.${signature}`, 'không phải văn bản UTF-8');
      check(`TTCT1.${Buffer.from('{"n":').toString('base64url')}.${signature}`, 'không phải JSON');
    });
    it('refuses JSON that is not an object with exactly the expected string fields', () => {
      const enc = (value: unknown) => `TTCT1.${Buffer.from(JSON.stringify(value)).toString('base64url')}.${signature}`;
      const full = parts(code).body;
      check(enc(null), 'nội dung không phải một đối tượng JSON');
      check(enc([full]), 'nội dung không phải một đối tượng JSON');
      check(enc('text'), 'nội dung không phải một đối tượng JSON');
      check(enc(42), 'nội dung không phải một đối tượng JSON');
      const { name: _name, ...noName } = full;
      check(enc(noName), 'thiếu trường «name»');
      check(enc({ ...full, extra: 'x' }), 'có trường lạ «extra»');
      check(enc({ ...full, birth: 1990 }), 'trường «birth» không phải chuỗi ký tự');
      check(enc({ ...full, k: null }), 'trường «k» không phải chuỗi ký tự');
      check(
        `TTCT1.${Buffer.from(JSON.stringify(full).replace('{', '{"__proto__":{},')).toString('base64url')}.${signature}`,
        'có trường lạ «__proto__»',
      );
    });
    it('calls every truncation of a genuine code malformed', () => {
      for (let len = 0; len < code.length; len += 1) {
        const r = verifyCertificateCode(code.slice(0, len), keys);
        expect(r.status, `length ${len}`).toBe('malformed');
        expect(CLERK_MESSAGES).toContain(message(r));
      }
    });
  });

  describe('never throws', () => {
    // Deterministic so a failure can be reproduced.
    let state = 0x2026;
    const random = () => {
      state = (state * 1103515245 + 12345) >>> 0;
      return state / 2 ** 32;
    };
    const pick = (s: string) => s[Math.floor(random() * s.length)]!;
    const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ \n{}"TĐắ\u0000\uD800';
    const STATUSES = ['genuine', 'malformed', 'tampered', 'unknown_key'];
    const keys = [centre.publicKeyPem, otherCentre.publicKeyPem];

    it('on random strings, truncations and mutations', () => {
      const inputs: string[] = [];
      for (let i = 0; i < 200; i += 1) {
        const length = Math.floor(random() * 300);
        let s = random() < 0.5 ? 'TTCT1.' : '';
        for (let j = 0; j < length; j += 1) s += pick(ALPHABET);
        inputs.push(s);
      }
      for (let i = 0; i < 200; i += 1) {
        const chars = [...code];
        const at = Math.floor(random() * chars.length);
        let replacement = pick(ALPHABET);
        while (replacement === chars[at]) replacement = pick(ALPHABET);
        chars[at] = replacement;
        inputs.push(chars.join('').slice(0, random() < 0.3 ? Math.floor(random() * code.length) : undefined));
      }
      for (let i = 0; i < 100; i += 1) {
        const b = Buffer.from(JSON.stringify(parts(code).body));
        const at = Math.floor(random() * b.length);
        // Always a different byte: writing back the same value would leave a genuine code.
        b[at] = (b[at]! + 1 + Math.floor(random() * 255)) % 256;
        inputs.push(`TTCT1.${b.toString('base64url')}.${parts(code).signature}`);
      }
      let genuine = 0;
      for (const input of inputs) {
        let r: CertificateVerification | undefined;
        expect(() => (r = verifyCertificateCode(input, keys)), JSON.stringify(input)).not.toThrow();
        expect(STATUSES).toContain(r!.status);
        if (r!.status === 'genuine') genuine += 1;
        else expect(r!.message.length).toBeGreaterThan(0);
      }
      expect(inputs.length).toBeGreaterThanOrEqual(500);
      expect(genuine).toBe(0);
    });
    it('on values that are not strings at all (from an untyped caller)', () => {
      for (const value of [undefined, null, 42, {}, ['TTCT1.a.b']]) {
        const r = verifyCertificateCode(value as unknown as string, keys);
        expect(r.status).toBe('malformed');
      }
      expect(verifyCertificateCode(code, null as unknown as string[]).status).toBe('unknown_key');
    });
  });
});
