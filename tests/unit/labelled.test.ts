import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { printableChannels, previewSchema, printOutcomeSchema, savedFileSchema } from '../../shared/contract/common';
import { DOCUMENT_KINDS, DOCUMENT_LABELS } from '../../shared/contract/documents';
import { labelled, mapValues } from '../../shared/domain/labelled';
import { DEFAULT_NORMS, LECTURER_ROLES, LECTURER_ROLE_LABELS } from '../../shared/domain/lecturer-norms';

describe('labelled', () => {
  const { keys, labels } = labelled({ quan_chung: 'Quần chúng', du_bi: 'Đảng viên dự bị', chinh_thuc: 'Đảng viên chính thức' });

  it('gives the keys in the order written and the table as the labels', () => {
    expect(keys).toEqual(['quan_chung', 'du_bi', 'chinh_thuc']);
    expect(labels.du_bi).toBe('Đảng viên dự bị');
  });

  it('gives keys z.enum takes as they are', () => {
    const schema = z.enum(keys);
    expect(schema.options).toEqual(['quan_chung', 'du_bi', 'chinh_thuc']);
    expect(schema.safeParse('du_bi').success).toBe(true);
    expect(schema.safeParse('dang_vien').success).toBe(false);
  });

  it('keeps the order of keys that only start with digits, and refuses index-like keys and an empty list', () => {
    expect(labelled({ b: 'B', '1a': 'x', a: 'A' }).keys).toEqual(['b', '1a', 'a']);
    expect(() => labelled({ b: 'B', 2: 'Hai' })).toThrow(/«2»/);
    expect(() => labelled({ b: 'B', '0': 'Không' })).toThrow(/«0»/);
    expect(() => labelled({})).toThrow(/empty/);
  });

  it('serves the contract and domain lists unchanged', () => {
    expect(DOCUMENT_KINDS[0]).toBe('timetable');
    expect(DOCUMENT_KINDS.every((k) => DOCUMENT_LABELS[k].length > 0)).toBe(true);
    expect(LECTURER_ROLES).toEqual(['giam_doc', 'pho_giam_doc', 'giang_vien', 'giang_vien_van_phong', 'khac']);
    expect(LECTURER_ROLE_LABELS.giang_vien_van_phong).toBe('Giảng viên kiêm công tác văn phòng');
    expect(DEFAULT_NORMS).toEqual({
      giam_doc: { norm: 40, lecturing: 30 },
      pho_giam_doc: { norm: 60, lecturing: 40 },
      giang_vien: { norm: 120, lecturing: 90 },
      giang_vien_van_phong: { norm: 90, lecturing: 45 },
      khac: { norm: null, lecturing: null },
    });
  });
});

describe('mapValues', () => {
  it('turns each row, keeping the keys and their order', () => {
    const mapped = mapValues({ b: { n: 2 }, a: { n: 1 } }, (r) => r.n * 10);
    expect(Object.entries(mapped)).toEqual([
      ['b', 20],
      ['a', 10],
    ]);
  });
});

describe('printableChannels', () => {
  it('gives the preview, PDF, print and .docx channels of a capability, all with the one input', () => {
    const input = z.object({ year: z.number() });
    const channels = printableChannels('reports', input);
    expect(Object.keys(channels)).toEqual(['reports.preview', 'reports.pdf', 'reports.print', 'reports.docx']);
    expect(channels['reports.preview']).toEqual({ input, output: previewSchema });
    expect(channels['reports.pdf']).toEqual({ input, output: savedFileSchema });
    expect(channels['reports.print']).toEqual({ input, output: printOutcomeSchema });
    expect(channels['reports.docx']).toEqual({ input, output: savedFileSchema });
  });
});
