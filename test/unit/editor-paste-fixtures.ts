// Clipboard HTML as Word, Google Docs and a news site put it on the clipboard,
// with text from the sample articles.

/** Word for Windows (Office 365): conditional comments, mso-* styles, <o:p>, list paragraphs, a table. */
export const WORD_HTML = `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<!--[if gte mso 9]><xml>
 <o:OfficeDocumentSettings>
  <o:AllowPNG/>
 </o:OfficeDocumentSettings>
</xml><![endif]-->
<style>
<!--
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{mso-style-unhide:no;
	margin:0cm;
	font-size:12.0pt;
	font-family:"Times New Roman",serif;}
p.MsoListParagraph
	{mso-style-priority:34;
	margin-left:36.0pt;}
-->
</style>
</head>
<body lang=VI style='tab-interval:36.0pt;word-wrap:break-word'>
<!--StartFragment-->
<h1 style='margin-top:12.0pt'><span lang=VI style='font-family:"Arial",sans-serif;mso-fareast-font-family:"Times New Roman"'>Đa dạng hoá các hoạt động chăm lo<o:p></o:p></span></h1>

<p class=MsoNormal style='text-align:justify;line-height:150%'><span lang=VI
style='font-size:13.0pt;line-height:150%;font-family:"Times New Roman",serif;
mso-fareast-font-family:"Times New Roman"'>Theo <b style='mso-bidi-font-weight:normal'>Chủ
tịch LĐLĐ quận Hai Bà Trưng</b> Nguyễn Thị Kim Dung, nâng cao đời sống tinh thần
cho đoàn viên, CNVCLĐ là <i style='mso-bidi-font-style:normal'>nhiệm vụ quan trọng</i>
của tổ chức Công đoàn.<o:p></o:p></span></p>

<p class=MsoNormal><o:p>&nbsp;</o:p></p>

<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
lang=VI style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:
Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span lang=VI>Đẩy mạnh đối thoại, thương lượng tập thể<o:p></o:p></span></p>

<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-add-space:auto;
text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span
lang=VI style='font-family:"Courier New";mso-fareast-font-family:"Courier New"'><span
style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;
</span></span></span><![endif]><span lang=VI>trọng tâm là tiền lương, tiền thưởng<o:p></o:p></span></p>

<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
lang=VI style='font-family:Symbol'><span style='mso-list:Ignore'>·<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span lang=VI>Tập trung phát triển đoàn viên<o:p></o:p></span></p>

<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span
lang=VI><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span lang=VI>Lao động giỏi, lao động sáng tạo<o:p></o:p></span></p>

<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span
lang=VI><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span lang=VI>Công nhân giỏi Thủ đô<o:p></o:p></span></p>

<h4><span lang=VI>Phát động thi đua gắn với 3 khâu đột phá<o:p></o:p></span></h4>

<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0
 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><span lang=VI>Năm 2025<o:p></o:p></span></p>
  </td>
  <td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt'>
  <p class=MsoNormal><span lang=VI>1.296 CNVCLĐ<o:p></o:p></span></p>
  </td>
 </tr>
</table>

<p class=MsoNormal><span lang=VI style='color:red;mso-highlight:yellow'>Xem <a
href="https://laodongthudo.vn/ldld-quan-hai-ba-trung.html"><span style='color:#0563C1'>bài gốc</span></a>
và <a href="javascript:alert(1)">đừng bấm</a>; <s>bản cũ</s> <u>gạch chân</u><o:p></o:p></span></p>
<p class=MsoNormal><img width=602 height=339 src="file:///C:/Users/HPHONG~1/AppData/Local/Temp/msohtmlclip1/01/clip_image001.jpg"
alt="LĐLĐ quận Hai Bà Trưng"><o:p></o:p></p>
<!--EndFragment-->
</body>
</html>`;

/** Google Docs in Chromium: the non-bold <b id="docs-internal-guid-…"> wrapper, CSS-only formatting, <li><p>. */
export const GOOGLE_DOCS_HTML = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-5c1a2b3d-7fff-4e0a-9f1b-123456789abc"><h2 dir="ltr" style="line-height:1.38;margin-top:18pt;margin-bottom:6pt;"><span style="font-size:16pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Phát động thi đua gắn với 3 khâu đột phá</span></h2><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Ngày 21/11, Đoàn khảo sát của </span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:700;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Liên đoàn Lao động (LĐLĐ) thành phố Hà Nội</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:italic;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;"> đã có buổi khảo sát</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;"> tại </span><a href="https://www.google.com/url?q=https://laodongthudo.vn/cum-thi-dua-so-4.html&amp;sa=D" style="text-decoration:none;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#1155cc;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:underline;-webkit-text-decoration-skip:none;text-decoration-skip-ink:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Cụm thi đua số 4</span></a><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:line-through;vertical-align:baseline;white-space:pre;white-space:pre-wrap;"> năm 2023</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">.</span></p><br /><ol style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:decimal;font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Phúc Thọ, Ba Vì</span></p></li><ol style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:lower-alpha;font-size:11pt;" aria-level="2"><p dir="ltr" role="presentation"><span style="font-size:11pt;font-weight:400;">Hoài Đức</span></p></li></ol><li dir="ltr" style="list-style-type:decimal;font-size:11pt;" aria-level="1"><p dir="ltr" role="presentation"><span style="font-size:11pt;font-weight:700;">Quốc Oai</span></p></li></ol><div dir="ltr" style="margin-left:0pt;" align="left"><table style="border:none;border-collapse:collapse;"><colgroup><col width="301" /><col width="301" /></colgroup><tbody><tr style="height:0pt"><td style="border-left:solid #000000 1pt;vertical-align:top;padding:5pt 5pt 5pt 5pt;overflow:hidden;overflow-wrap:break-word;"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-weight:400;">Huyện</span></p></td><td style="vertical-align:top;"><p dir="ltr"><span style="font-size:11pt;font-weight:400;">Quốc Oai</span></p></td></tr></tbody></table></div></b><br class="Apple-interchange-newline">`;

/** A copied stretch of a news site: layout divs, classes, an image, a figure, a script, a heading h3. */
export const WEB_PAGE_HTML = `<html><body><!--StartFragment--><div class="article__sapo cms-desc" style="font-family: Roboto, sans-serif; font-size: 18px; font-weight: 700; color: rgb(34, 34, 34);">Ngày 21/11, Đoàn khảo sát của Liên đoàn Lao động (LĐLĐ) thành phố Hà Nội đã có buổi khảo sát.</div><div class="article__related"><ul class="list-related"><li><a href="/kiem-tra-giam-sat-chuyen-de.html" class="title">Kiểm tra, giám sát chuyên đề công tác nữ công</a></li></ul></div><div class="article__body cms-body" itemprop="articleBody"><p style="text-align: justify;">Dự buổi khảo sát có đồng chí <strong>Đàm Công Lợi</strong> - Phó Bí thư Thường trực Huyện ủy,&nbsp;Chủ tịch Hội đồng nhân dân huyện <em>Quốc Oai</em>.</p><figure class="picture" style="width: 100%;"><img src="https://cdn.laodongthudo.vn/stores/news_dataimages/2024/112024/22/anh1.jpg" alt="Cụm thi đua số 4" class="lazyload"><figcaption class="caption"><em>Phó Chủ tịch LĐLĐ thành phố Hà Nội Nguyễn Thị Thu Thủy phát biểu.</em></figcaption></figure><h3 class="sub-title" style="color: #c00">Kết quả nổi bật</h3><script>window.dataLayer = window.dataLayer || []; dataLayer.push({event: 'article'});</script><blockquote class="quote"><p>Tất cả vì đoàn viên,</p><p>người lao động.</p></blockquote><p><span style="font-family: Arial; font-size: 16px; background-color: rgb(255, 255, 0);">Liên hệ: <a href="mailto:toasoan@laodongthudo.vn" target="_blank" rel="noopener" onclick="track()">toasoan@laodongthudo.vn</a></span></p><div class="ads"><iframe src="https://ads.example.com/banner"></iframe></div><pre>Mạnh   Quân</pre></div><!--EndFragment--></body></html>`;
