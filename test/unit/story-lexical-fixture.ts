// One body holding every node type the schema allows, built the way the app
// builds bodies (bodyFromBlocks, then the node factories for what import has no
// flat form for). Shared by the Lexical and HTML renderer tests.
import { bodyFromBlocks, nodes, TEXT_FORMAT, type StoryBody } from '../../core/story';
import { sampleArticle } from './story-sample-blocks';

export const STORY_A = '0190a5b2-7c1e-7000-8000-000000000001';
export const PHOTO_SHA = '9c'.repeat(32);

export function everyNodeBody(): StoryBody {
  const { headline } = sampleArticle('ldld-hai-ba-trung-doi-moi.txt');
  const body = bodyFromBlocks(
    [
      { type: 'heading', text: 'Đa dạng hoá các hoạt động chăm lo' },
      { type: 'paragraph', text: 'Theo Chủ tịch LĐLĐ quận Hai Bà Trưng Nguyễn Thị Kim Dung' },
      {
        type: 'figure',
        src: `media:${PHOTO_SHA}`,
        alt: headline,
        caption: 'LĐLĐ quận Hai Bà Trưng trao quà cho người lao động làm việc trực tiếp trong dịp Tết Nguyên đán Ất Tỵ 2025.',
        credit: 'Ảnh: H.Phong',
      },
      { type: 'figure', alt: headline, caption: 'Nhiều sân chơi bổ ích dành cho người lao động.' },
    ],
    {
      related: [
        { id: STORY_A, title: 'LĐLĐ quận Hai Bà Trưng: Phát động thi đua gắn với 3 khâu đột phá' },
        { id: null, title: 'Công đoàn Công ty Tài chính TNHH MTV Lotte Việt Nam: Điểm tựa cho người lao động' },
      ],
    },
  );
  const { bold, italic, underline, strikethrough, code, subscript, superscript } = TEXT_FORMAT;
  body.root.children.push(
    nodes.paragraph([
      nodes.textRun('Chương trình '),
      nodes.textRun('“Tết sum vầy - Xuân ơn Đảng”', bold),
      nodes.textRun(' trao quà cho ', italic),
      nodes.textRun('1.296 CNVCLĐ', bold | italic),
      nodes.lineBreak(),
      nodes.link('https://laodongthudo.vn/cong-doan.html', [nodes.textRun('Lao động Thủ đô')]),
      nodes.textRun(' gạch chân', underline),
      nodes.textRun(' gạch bỏ', strikethrough),
      nodes.textRun(' CO', code),
      nodes.textRun('2', subscript),
      nodes.textRun(' m', 0),
      nodes.textRun('2', superscript),
    ]),
    nodes.heading('h3', [nodes.textRun('Phát động thi đua gắn với 3 khâu đột phá')]),
    nodes.quote([nodes.textRun('Tất cả vì đoàn viên, người lao động')]),
    nodes.list('bullet', [[nodes.textRun('Phúc Thọ')], [nodes.textRun('Ba Vì')]]),
    nodes.list('number', [
      [nodes.textRun('Đẩy mạnh đối thoại, thương lượng tập thể')],
      [nodes.textRun('Tập trung phát triển đoàn viên'), nodes.list('bullet', [[nodes.textRun('thành lập Công đoàn cơ sở')]], 1)],
    ]),
  );
  return body;
}
