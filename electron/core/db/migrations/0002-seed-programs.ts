import type { Migration } from './index';
import { foldText } from '../../../../shared/domain/text';

interface SeedProgram {
  code: string;
  name: string;
  target: string;
  outcome: 'certificate' | 'diploma' | 'external' | 'none';
  validityMonths: number | null;
  typicalDays: number | null;
  topics: [string, number][];
  components: [string, number][];
  bands: [string, number, number][];
}

const FIVE_BANDS: [string, number, number][] = [
  ['Xuất sắc', 90, 100],
  ['Giỏi', 80, 90],
  ['Khá', 70, 80],
  ['Trung bình', 50, 70],
  ['Không đạt', 0, 50],
];
const PASS_FAIL: [string, number, number][] = [
  ['Đạt', 50, 100],
  ['Không đạt', 0, 50],
];
const ESSAY: [string, number][] = [['Bài thu hoạch', 100]];

/**
 * The catalogue from DOMAIN.md. Topic titles are the six and ten topics of the current materials;
 * sessions per topic, weights and bands are starting values the clerk edits (docs/decisions.md).
 * Programs whose lesson list the centre keeps itself start with no topics rather than invented ones.
 */
const SEED: SeedProgram[] = [
  {
    code: 'KND',
    name: 'Bồi dưỡng lý luận chính trị dành cho đối tượng kết nạp Đảng',
    target: 'Quần chúng ưu tú được giới thiệu kết nạp Đảng',
    outcome: 'certificate',
    validityMonths: 60,
    typicalDays: 5,
    topics: [
      ['Khái quát lịch sử Đảng Cộng sản Việt Nam', 2],
      ['Cương lĩnh chính trị của Đảng Cộng sản Việt Nam', 2],
      ['Điều lệ Đảng Cộng sản Việt Nam', 2],
      ['Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', 1],
      ['Phấn đấu trở thành đảng viên Đảng Cộng sản Việt Nam', 2],
      ['Công tác xây dựng Đảng trong giai đoạn hiện nay', 1],
    ],
    components: ESSAY,
    bands: FIVE_BANDS,
  },
  {
    code: 'DVM',
    name: 'Bồi dưỡng lý luận chính trị dành cho đảng viên mới',
    target: 'Đảng viên dự bị',
    outcome: 'certificate',
    validityMonths: null,
    typicalDays: 5,
    topics: [
      ['Chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh - nền tảng tư tưởng, kim chỉ nam cho hành động của Đảng', 1],
      ['Độc lập dân tộc gắn liền với chủ nghĩa xã hội', 1],
      ['Đại đoàn kết toàn dân tộc, dân chủ xã hội chủ nghĩa, Nhà nước pháp quyền xã hội chủ nghĩa', 1],
      ['Phát triển kinh tế - xã hội', 1],
      ['Phát triển giáo dục, khoa học, văn hóa và bảo vệ môi trường', 1],
      ['Tăng cường quốc phòng, an ninh', 1],
      ['Hội nhập quốc tế', 1],
      ['Nguyên tắc tổ chức, hoạt động của Đảng và xây dựng tổ chức cơ sở đảng', 1],
      ['Xây dựng, chỉnh đốn Đảng', 1],
      ['Phấn đấu, rèn luyện trở thành người đảng viên xứng đáng', 1],
    ],
    components: ESSAY,
    bands: FIVE_BANDS,
  },
  {
    code: 'SC',
    name: 'Sơ cấp lý luận chính trị',
    target: 'Đảng viên, cán bộ cơ sở',
    outcome: 'diploma',
    validityMonths: null,
    typicalDays: null,
    topics: [],
    components: [
      ['Kiểm tra lần 1', 25],
      ['Kiểm tra lần 2', 25],
      ['Thi cuối khóa', 50],
    ],
    bands: FIVE_BANDS,
  },
  {
    code: 'NVCTD',
    name: 'Bồi dưỡng nghiệp vụ công tác Đảng',
    target: 'Cấp ủy viên cơ sở, bí thư chi bộ',
    outcome: 'certificate',
    validityMonths: null,
    typicalDays: 3,
    topics: [],
    components: ESSAY,
    bands: PASS_FAIL,
  },
  {
    code: 'CNKT',
    name: 'Bồi dưỡng, cập nhật kiến thức (Mặt trận, đoàn thể, chính quyền)',
    target: 'Cán bộ Mặt trận, đoàn thể, chính quyền cơ sở',
    outcome: 'certificate',
    validityMonths: null,
    typicalDays: 3,
    topics: [],
    components: [],
    bands: [],
  },
  {
    code: 'NQ',
    name: 'Học tập, quán triệt nghị quyết, chuyên đề',
    target: 'Cán bộ, đảng viên',
    outcome: 'none',
    validityMonths: null,
    typicalDays: 2,
    topics: [],
    components: [],
    bands: [],
  },
  {
    code: 'TCLLCT',
    name: 'Trung cấp lý luận chính trị - hành chính',
    target: 'Cán bộ cấp trung (lớp liên kết với Trường Chính trị tỉnh)',
    outcome: 'external',
    validityMonths: null,
    typicalDays: null,
    topics: [],
    components: [],
    bands: [],
  },
];

export const m0002_seed_programs: Migration = {
  version: 2,
  name: 'seed programs',
  up(db) {
    const now = new Date().toISOString();
    const insertProgram = db.prepare(
      `INSERT INTO programs (code, code_key, name, target_learners, outcome, validity_months, max_absence_pct,
         max_retakes, typical_days, sort_order, archived_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 20, 1, ?, ?, NULL, ?, ?)`,
    );
    const insertTopic = db.prepare('INSERT INTO program_topics (program_id, position, title, sessions) VALUES (?, ?, ?, ?)');
    const insertComponent = db.prepare('INSERT INTO program_components (program_id, position, name, weight) VALUES (?, ?, ?, ?)');
    const insertBand = db.prepare('INSERT INTO program_bands (program_id, position, label, min_tenths, max_tenths) VALUES (?, ?, ?, ?, ?)');
    SEED.forEach((p, order) => {
      const id = Number(
        insertProgram.run(p.code, foldText(p.code), p.name, p.target, p.outcome, p.validityMonths, p.typicalDays, order + 1, now, now)
          .lastInsertRowid,
      );
      p.topics.forEach(([title, sessions], i) => insertTopic.run(id, i + 1, title, sessions));
      p.components.forEach(([name, weight], i) => insertComponent.run(id, i + 1, name, weight));
      p.bands.forEach(([label, min, max], i) => insertBand.run(id, i + 1, label, min, max));
    });
  },
};
