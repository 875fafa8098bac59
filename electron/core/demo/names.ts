/**
 * Name material for sample data, with rough national frequencies for Kinh family names and the
 * naming customs of the Central Highlands groups (A/Y prefixes of the Xơ-đăng and Ba-na, Gia-rai
 * family names, Ê-đê Y/H' prefixes). Sample data only: never presented as real people.
 */
export const KINH_FAMILY: [string, number][] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 3], ['Huỳnh', 2], ['Phan', 4.5], ['Vũ', 2], ['Võ', 2],
  ['Đặng', 2], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5], ['Đinh', 1], ['Trương', 1],
  ['Đào', 0.8], ['Lương', 0.6], ['Mai', 0.5], ['Trịnh', 0.5], ['Cao', 0.4], ['Lâm', 0.4], ['Tạ', 0.3], ['Hà', 0.4],
];
export const MALE_MIDDLE = ['Văn', 'Văn', 'Văn', 'Đức', 'Minh', 'Hữu', 'Quang', 'Thanh', 'Công', 'Xuân', 'Đình', 'Ngọc', 'Duy', 'Trọng', 'Anh'];
export const FEMALE_MIDDLE = ['Thị', 'Thị', 'Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh', 'Kim', 'Hồng', 'Thùy', 'Phương', 'Mỹ', 'Thị Thu', 'Thị Kim'];
export const MALE_GIVEN = [
  'An', 'Anh', 'Bảo', 'Bình', 'Cường', 'Chiến', 'Công', 'Dũng', 'Duy', 'Đạt', 'Đông', 'Đức', 'Giang', 'Hải', 'Hiếu', 'Hòa',
  'Hoàng', 'Hùng', 'Huy', 'Khánh', 'Khoa', 'Kiên', 'Lâm', 'Long', 'Lợi', 'Luân', 'Mạnh', 'Minh', 'Nam', 'Nghĩa', 'Nhân',
  'Phong', 'Phú', 'Phúc', 'Quang', 'Quân', 'Quý', 'Sơn', 'Tài', 'Tâm', 'Tân', 'Thái', 'Thắng', 'Thanh', 'Thành', 'Thịnh',
  'Thông', 'Tiến', 'Toàn', 'Trung', 'Trường', 'Tú', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vũ', 'Xuân',
];
export const FEMALE_GIVEN = [
  'An', 'Anh', 'Ánh', 'Bích', 'Chi', 'Diễm', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hồng', 'Huệ',
  'Hương', 'Hường', 'Lan', 'Liên', 'Linh', 'Loan', 'Ly', 'Mai', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nhung', 'Nhi', 'Oanh',
  'Phương', 'Phượng', 'Quyên', 'Quỳnh', 'Sương', 'Tâm', 'Thảo', 'Thắm', 'Thơ', 'Thu', 'Thủy', 'Thúy', 'Trang', 'Trâm',
  'Tuyết', 'Uyên', 'Vân', 'Vy', 'Xuân', 'Yến',
];
/** Xơ-đăng / Ba-na custom: "A" before a man's name, "Y" before a woman's; no family name. */
export const HIGHLANDS_GIVEN = [
  'Thút', 'Blông', 'Đoan', 'Hlôn', 'Khoa', 'Nhơ', 'Rin', 'Sinh', 'Tiêu', 'Vên', 'Xoan', 'Hên', 'Pao', 'Dũng', 'Lang', 'Kương',
  'Hra', 'Mơ', 'Nhung', 'Phươn', 'Rơ', 'Thiên', 'Tôn', 'Ngưng', 'Bắc', 'Hmrui',
];
export const JRAI_FAMILY = ['Ksor', 'Rơ Châm', 'Siu', 'Rơ Mah', 'Nay', 'Kpă', 'Rcom'];
export const EDE_FAMILY = ['Niê', 'Êban', 'Mlô', 'Ayŭn', 'Byă', 'Knul'];
