import { text, type Block, type Cell, type PartyDocumentModel } from './document-model';
import { centred, head, listDocument } from './docx-models';
import { learningRecordWording, type LearningRecordDoc } from './learning-record';

/**
 * A person's papers as Word files, built from the same wording functions as their HTML pages:
 * the learning record («Giấy xác nhận quá trình học tập»).
 */

export function learningRecordModel(doc: LearningRecordDoc): PartyDocumentModel {
  const w = learningRecordWording(doc);
  const para = (runs: ReturnType<typeof text>[], spaceBefore?: number): Block => ({ kind: 'paragraph', runs, indent: true, spaceBefore });
  const small = 11;
  const rows = w.rows.map((c, i): Cell[] => [
    { text: String(i + 1), align: 'center' },
    { text: c.className, bold: true, note: c.programName, noteSize: small },
    { text: c.dates.join('\n'), align: 'center', size: small },
    { text: c.form, size: small },
    { text: c.result, size: small, note: c.decision ? `QĐ số ${c.decision.label} ngày ${c.decision.date}` : undefined, noteSize: small },
    c.certificate
      ? { text: [`Số ${c.certificate.serial}`, ...c.certificate.lines].join('\n'), size: small }
      : { text: '—', align: 'center' },
  ]);
  return listDocument(doc, 'portrait', w.title, [
    centred('-----'),
    para([text(w.lead)], 6),
    ...w.facts.map((f) => para([text(`${f.label}: `), text(f.value, { bold: true }), text(f.after)])),
    para([text(w.intro)], 6),
    // The class's name takes what the fixed columns leave of the 165 mm line; «STT» needs 11 mm in Word's cell margins.
    { kind: 'table', size: 12, valign: 'top', widths: [11, 42, 24, 22, 36, 30], head: [w.columns.map((c) => head(c))], rows },
    para([text(w.closing)], 10),
    { kind: 'signature' },
  ]);
}
