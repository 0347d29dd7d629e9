// The sync strings in Vietnamese, the default language. Flat keys, mounted as
// the `sync` namespace. Keys with a count have one form in Vietnamese.
const vi = {
  regionLabel: 'Đồng bộ với máy chủ',
  signedOut: 'Chưa đăng nhập máy chủ',
  offline: 'Ngoại tuyến',
  syncing: 'Đang đồng bộ… {{sent}}/{{total}}',
  pending: '{{count}} thay đổi chờ đồng bộ',
  synced: 'Đã đồng bộ',
  notSynced: 'Chưa đồng bộ được',
  waitingAlso: '{{count}} thay đổi chờ đồng bộ',
  conflicts: '{{count}} bài có chỗ hai bên cùng sửa, chờ bạn chọn',
  lastError: 'Lỗi gần nhất: {{message}}',
  problemsShow: 'Xem chi tiết',
  problemsTitle: 'Những thay đổi chưa đồng bộ được',
  problemsNone: 'Không có thay đổi nào bị từ chối hay để riêng.',
  refusedBecause: 'máy chủ không nhận ({{reason}})',
  setAsideBecause: 'bản từ máy chủ không lưu được trên máy này ({{reason}})',
  untitled: 'Chưa có tít',
  lastSynced: 'Lần đồng bộ cuối: {{time}}',
  progressLabel: 'Tiến độ tải lên',
  syncNow: 'Đồng bộ ngay',

  formTitle: 'Máy chủ toà soạn',
  serverUrl: 'Địa chỉ máy chủ',
  serverUrlPlaceholder: 'Ví dụ: https://toasoan.example.vn',
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  signIn: 'Đăng nhập',
  signingIn: 'Đang đăng nhập…',
  signedInAs: 'Đã đăng nhập {{server}} với tên {{username}}.',
  signedInAsNamed: 'Đã đăng nhập {{server}}: {{displayName}} ({{username}}).',
  signOut: 'Đăng xuất',
  missingFields: 'Hãy nhập đủ địa chỉ máy chủ, tên đăng nhập và mật khẩu.',
  tokenKept: 'Mã đăng nhập được giữ trên máy này; mật khẩu thì không.',
};

export default vi;
