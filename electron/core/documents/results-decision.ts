import { formatDate, formatNumber } from '../../../shared/domain/format';
import { upperVi } from '../../../shared/domain/text';
import type { ResultsDecisionDoc } from './class-lists';
import { classPhrase } from './opening-decision';
import { superiorInText } from './party-document';

/**
 * The results decision's wording, shared by the HTML page (class-lists.ts) and the Word file
 * (docx-models.ts) so that both say the same. Plain text: the HTML escapes it.
 */
export function resultsDecisionWording(doc: ResultsDecisionDoc) {
  const { body } = doc;
  const cls = classPhrase(doc.className);
  const certificate = doc.outcome === 'certificate';
  // Without a certificate to issue there is no article for it, and responsibility moves up to Article 2.
  const articles = [
    `Công nhận ${formatNumber(doc.recognised.length)}/${formatNumber(doc.total)} học viên ${cls} ` +
      `(từ ngày ${formatDate(doc.startDate)} đến ngày ${formatDate(doc.endDate)}) hoàn thành chương trình ${doc.programName}, có danh sách kèm theo.`,
    ...(certificate ? ['Cấp giấy chứng nhận cho các học viên có tên tại Điều 1.'] : []),
    'Bộ phận giáo vụ, các chi bộ có học viên và các học viên có tên tại Điều 1 chịu trách nhiệm thi hành quyết định này./.',
  ].map((text, i) => ({ lead: `Điều ${i + 1}.`, text }));
  return {
    subjects: [
      `về việc ${certificate ? 'công nhận kết quả học tập và cấp giấy chứng nhận' : 'công nhận kết quả học tập'}`,
      `cho học viên ${cls}`,
    ],
    decider: upperVi(`${body.directorTitle.trim() || 'Giám đốc'} ${body.centreName}`),
    grounds: [
      `- Căn cứ Quy định về chức năng, nhiệm vụ, tổ chức bộ máy của ${body.centreName};`,
      `- Căn cứ kết quả học tập của học viên ${cls};`,
      '- Xét đề nghị của bộ phận giáo vụ,',
    ],
    articles,
    recipients: [`Như Điều ${articles.length}`, `${superiorInText(body.superior)} (b/c)`, 'Lưu VP'],
    listTitles: ['DANH SÁCH HỌC VIÊN ĐƯỢC CÔNG NHẬN KẾT QUẢ HỌC TẬP', upperVi(cls)],
    listNote: `(Kèm theo Quyết định số ${doc.number} ngày ${formatDate(doc.date)} của ${body.centreName})`,
    listTotal: `(Danh sách có ${formatNumber(doc.recognised.length)} học viên)`,
  };
}
