// The most common Vietnamese syllables in news text, most common first: the
// tie-breaker when two spelling suggestions are equally close to what was
// typed ("nguời" is one mark from both người and nguồi; người is written
// thousands of times more often). Compiled by hand from the frequency lists
// of Vietnamese news corpora and the two sample articles; only the order
// matters, and only among syllables that are equally close, so an
// approximate order is enough. Either tone placement (hoá/hóa) finds the same rank.
import { placeTone } from './tone';

const MOST_COMMON_FIRST = `
và của có các là được trong cho không người những với một đã này năm để công đến nhiều
khi về ra từ việc ngày nước tại như sẽ theo phải nhưng cũng đó hội thì động đi lại bị phát
nhà còn trên thành làm hiện sự đồng hợp quốc lên nhân họ chính hành thể biết hà mới điều
trường nguyễn tổ vào ông định viên thời cơ quan tế đầu chỉ tác học dân đề tình gia sinh tiếp nam
hai thực chức vụ nay con tin thông bộ trung bà tư kinh hoạt mình sau xã việt cùng số rất
sản quản lý cao cán thế đời lao kế cầu tiền nghiệp phần đang tỉnh huyện thiết hình giải
phố đại chủ thu vì triển nơi đoàn tập tham trình chương dụng ở mà hơn tới nên nhất đạo
đảm bảo nhận năng lượng tăng giá thị doanh tiêu trị hỗ trợ cả cấp lực mọi nhau đây hay
vấn vực khu thi đua chăm lo đặc biệt tốt phong trào đoàn viên cơ sở nâng liên quận thủ
đô tết xuân quà tặng chia sẻ giúp đỡ gặp gỡ cuộc sống lắng nghe tâm tư nguyện vọng ý
kiến nói thấy muốn cần nghĩ yêu cầu hướng dẫn tìm hiểu mỗi bao giờ luôn vẫn đều đông
ít chưa đúng sai lớn nhỏ dài ngắn xa gần trước giữa dưới ngoài bên cạnh qua lần thêm
bắt đầu kết thúc tiến đẩy mạnh đổi xây dựng phương pháp chất nội dung chuyên môn
thống kê báo cáo đánh giá kiểm tra giám sát khảo chỉ đạo thường trực phó bí thư tịch
ủy ban nhân dân hội đồng quyết nghị tổng trưởng giám đốc cán bộ công nhân lao động
thoả thuận ký hợp tác phúc lợi chính sách pháp luật quyền lợi ích chính đáng bảo vệ
tinh thần vật chất văn hoá thể thao du lịch giáo dục y tế môi trường an toàn giao
thông nông nghiệp công nghiệp thương mại dịch vụ đầu tư tài chính ngân hàng thuế
tháng tuần giờ phút sáng chiều tối đêm hôm qua mai sớm muộn lúc khoảng hàng triệu
nghìn trăm mươi ba bốn năm sáu bảy tám chín mười đồng ngàn tỷ phần trăm
gia đình trẻ em phụ nữ nam nữ thanh niên học sinh sinh viên thầy cô giáo bác sĩ bệnh
viện nhà máy doanh nghiệp công ty tổ chức đơn vị cơ quan địa phương khu vực miền
bắc nam trung tây đông thành phố tỉnh huyện xã phường thôn làng đường sông núi biển
đất trời mưa nắng gió lạnh nóng nhiệt nước điện xăng dầu gạo rau thịt cá ăn uống mua bán
chợ tiền lương thu nhập việc làm đời sống khó khăn hoàn cảnh vượt khó hỗ trợ
nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương thị văn hữu đức
minh anh hùng dũng tuấn hương hường lan hoa mai linh hải sơn long phong quân thắng
`;

export const COMMON_SYLLABLES: readonly string[] = [...new Set(MOST_COMMON_FIRST.split(/\s+/).filter((word) => word !== ''))];

const rankKey = (syllable: string): string => placeTone(syllable.normalize('NFC').toLowerCase(), 'second');
const RANK = new Map<string, number>();
COMMON_SYLLABLES.forEach((syllable, index) => {
  if (!RANK.has(rankKey(syllable))) RANK.set(rankKey(syllable), index);
});

/** 0 for the most common syllable, growing with rarity; Infinity for a syllable not in the list. */
export function syllableRarity(syllable: string): number {
  return RANK.get(rankKey(syllable)) ?? Number.POSITIVE_INFINITY;
}
