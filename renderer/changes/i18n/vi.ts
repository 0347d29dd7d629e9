// "What the desk changed since I submitted", in Vietnamese: mounted as the `changes` namespace.
const vi = {
  button: 'Ban biên tập đã sửa gì',
  buttonHint: 'So sánh bản bạn gửi duyệt với bài bây giờ',
  title: 'Ban biên tập đã sửa gì từ khi bạn gửi bài',
  intro: 'So sánh bản bạn gửi duyệt lúc {{time}} với bài bây giờ.',
  introFallback: 'Máy này chưa có bản “Gửi duyệt” của bài; so sánh bản bạn lưu lần cuối lúc {{time}} với bài bây giờ.',
  none: 'Máy này chưa có phiên bản nào do bạn viết để so sánh.',
  same: 'Ban biên tập chưa sửa gì trong bài.',
  loading: 'Đang tải…',
  failed: 'Không tải được: {{message}}',
  columnSubmitted: 'Bản bạn gửi ({{time}})',
  columnNow: 'Bài bây giờ',
  layoutLabel: 'Cách xem',
  layoutSide: 'Hai cột',
  layoutInline: 'Sửa ngay trong bài',
  changed: 'Đoạn được sửa',
  onlyInSubmitted: 'Ban biên tập đã bỏ đoạn này',
  onlyInNow: 'Ban biên tập thêm đoạn này',
  close: 'Đóng',
};

export default vi;
