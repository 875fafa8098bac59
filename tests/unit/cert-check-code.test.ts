import { describe, expect, it } from 'vitest';
import { checkCodeOf, readCheckCode } from '../../electron/core/certificates/check-code';
import { generateCentreKeys, signCertificate } from '../../electron/core/certificates/signing';

const keys = generateCentreKeys();
const cert = {
  n: '1/2026/GCN',
  r: '2026.0001',
  name: 'Trần Văn An',
  birth: '1990-05-12',
  program: 'Bồi dưỡng nhận thức về Đảng',
  issued: '2026-03-12',
};

describe('the short code printed beside the numbers', () => {
  it('is 8 Crockford characters in two groups, the same every time for one certificate', () => {
    const code = signCertificate(cert, keys);
    const short = checkCodeOf(code);
    expect(short).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(checkCodeOf(code)).toBe(short);
  });
  it('differs between certificates and between centres', () => {
    const codes = new Set<string | null>();
    for (let i = 1; i <= 200; i++) codes.add(checkCodeOf(signCertificate({ ...cert, n: `${i}/2026/GCN` }, keys)));
    codes.add(checkCodeOf(signCertificate(cert, generateCentreKeys())));
    expect(codes.size).toBe(201);
  });
  it('is absent for a row without a signed code', () => {
    expect(checkCodeOf('')).toBeNull();
    expect(checkCodeOf('MẪU GIẤY CHỨNG NHẬN')).toBeNull();
  });
  it('reads what a clerk types: any case, spaces or dashes, O for 0, I and L for 1', () => {
    expect(readCheckCode('7k3m q9xd')).toBe('7K3M-Q9XD');
    expect(readCheckCode(' 7K3M–Q9XD ')).toBe('7K3M-Q9XD');
    expect(readCheckCode('O1IL-0000')).toBe('0111-0000');
    expect(readCheckCode('7K3M-Q9X')).toBeNull();
    expect(readCheckCode('7K3M-Q9XU')).toBeNull();
    expect(readCheckCode('7K3M-Q9XDA')).toBeNull();
  });
});
