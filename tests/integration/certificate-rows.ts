import type { Certificate } from '../../shared/contract/certificates';
import { communeBody } from '../fixtures/document-fixtures';

type Printed = Certificate['printed'];

/**
 * Certificate number `seq` of 2026 as the register and receipt lists read it, signed by the commune centre's
 * director; birth dates vary with `seq` and every seventh is a month only, as old records are.
 */
export function certificateRow(
  seq: number,
  printed: Pick<Printed, 'fullName' | 'unitName' | 'programName' | 'className' | 'startDate' | 'endDate' | 'classification'>,
  row: Pick<Certificate, 'classId' | 'serial' | 'issueDate'> & Partial<Certificate>,
): Certificate {
  const birth = `${1980 + (seq % 20)}-${String((seq % 12) + 1).padStart(2, '0')}-${String((seq % 27) + 1).padStart(2, '0')}`;
  return {
    id: 1000 + seq,
    personId: 500 + seq,
    year: 2026,
    seq,
    registerNo: `${String(seq).padStart(4, '0')}/2026`,
    status: 'valid',
    statusReason: null,
    replacesId: null,
    replacedBySerial: null,
    printCount: 1,
    verificationCode: `code-${seq}`,
    checkCode: null,
    damage: null,
    ...row,
    printed: {
      birthDate: seq % 7 === 0 ? '1990-05' : birth,
      signer: { lines: ['GIÁM ĐỐC'], name: 'Nguyễn Văn Thành' },
      placeName: 'Đắk Hà',
      validUntil: null,
      issuingBody: { ...communeBody },
      ...printed,
    },
  };
}
