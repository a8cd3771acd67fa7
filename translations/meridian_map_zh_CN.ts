<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <source>Shows the tinted zones of the face.</source>
        <translation>显示面部着色的各区域。</translation>
    </message>
    <message>
        <source>Shows the Stomach and Large Intestine channels: Stomach solid, Large Intestine dashed.</source>
        <translation>显示胃经和大肠经：胃经为实线，大肠经为虚线。</translation>
    </message>
    <message>
        <source>Shows the other channels of the face, each with its own dashes.</source>
        <translation>显示面部的其他经脉，各有不同的虚线样式。</translation>
    </message>
    <message>
        <source>Shows which way each zone is stroked.</source>
        <translation>显示每个区域的刮拭方向。</translation>
    </message>
    <message>
        <source>Shows the acupuncture points.</source>
        <translation>显示穴位。</translation>
    </message>
    <message>
        <source>Shows the points&apos; codes, pinyin or hanzi next to them.</source>
        <translation>在穴位旁显示其代码、拼音或汉字。</translation>
    </message>
    <message>
        <source>Type a point code, pinyin, hanzi, zone or concern; Enter selects the first match.</source>
        <translation>输入穴位代码、拼音、汉字、区域或问题；按 Enter 选择第一个结果。</translation>
    </message>
    <message>
        <source>Lights up the zones of the routine for a skin concern and lists them in order.</source>
        <translation>点亮某一皮肤问题护理所用的区域，并按顺序列出。</translation>
    </message>
    <message>
        <source>Select a zone to show how it is worked.</source>
        <translation>选择一个区域，查看其操作方法。</translation>
    </message>
    <message>
        <source>Printed on the take-home sheet for the chosen concern.</source>
        <translation>打印在所选问题的在家刮痧单上。</translation>
    </message>
    <message>
        <source>What the point labels show: codes, pinyin or hanzi.</source>
        <translation>穴位标签显示的内容：代码、拼音或汉字。</translation>
    </message>
    <message>
        <source>Which copies of the points carry labels: both sides, or one side only.</source>
        <translation>哪些穴位带标签：两侧，或只标一侧。</translation>
    </message>
    <message>
        <source>Draws the landmarks and measurements from which the selected point is found.</source>
        <translation>画出确定所选穴位所依据的体表标志和测量。</translation>
    </message>
    <message>
        <source>How large the point labels are drawn.</source>
        <translation>穴位标签的字号大小。</translation>
    </message>
    <message>
        <source>Yang Ming focus</source>
        <translation>突出阳明经</translation>
    </message>
    <message>
        <source>Dims everything but the Stomach and Large Intestine channels.</source>
        <translation>除胃经和大肠经外，其余均变淡。</translation>
    </message>
    <message>
        <source>Animate strokes</source>
        <translation>刮拭动画</translation>
    </message>
    <message>
        <source>Moves a dot along the selected zone&apos;s strokes.</source>
        <translation>沿所选区域的刮拭线移动一个圆点。</translation>
    </message>
    <message>
        <source>How the selected zone is worked, or where the selected point lies, with its cautions.</source>
        <translation>所选区域的操作方法，或所选穴位的位置，以及注意事项。</translation>
    </message>
    <message>
        <source>Names the zone or point under the pointer or with keyboard focus.</source>
        <translation>显示指针下或键盘焦点所在的区域或穴位名称。</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>How far the map is zoomed in; 100 % fits the whole face.</source>
        <translation>图的缩放比例；100 % 时显示整个面部。</translation>
    </message>
    <message>
        <source>Controls</source>
        <translation>控制项</translation>
    </message>
    <message>
        <source>Concerns, layers, label settings and the technique school; scrolls when they do not fit.</source>
        <translation>问题、图层、标签设置和刮法；放不下时可滚动。</translation>
    </message>
    <message>
        <source>Main area</source>
        <translation>主区域</translation>
    </message>
    <message>
        <source>The controls, the map and the details side by side.</source>
        <translation>控制项、图和详情并排显示。</translation>
    </message>
</context>
<context>
    <name>Activity</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <source>Hanzi</source>
        <translation>汉字</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>经络</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>重来</translation>
    </message>
    <message>
        <source>Hard</source>
        <translation>困难</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>Easy</source>
        <translation>简单</translation>
    </message>
    <message>
        <source>&amp;Next (Space)</source>
        <translation>下一题 (Space)(&amp;N)</translation>
    </message>
</context>
<context>
    <name>ChannelLegend</name>
    <message>
        <source>Channel legend</source>
        <translation>经脉图例</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>经脉</translation>
    </message>
    <message>
        <source>Click a channel to explore it</source>
        <translation>点击一条经脉以查看其循行</translation>
    </message>
    <message>
        <source>Show this channel alone, its course numbered</source>
        <translation>只显示这条经脉，并为其循行编号</translation>
    </message>
    <message>
        <source>solid line</source>
        <translation>实线</translation>
    </message>
    <message>
        <source>dashed line</source>
        <translation>虚线</translation>
    </message>
</context>
<context>
    <name>ClientList</name>
    <message>
        <source>Clients</source>
        <translation>顾客</translation>
    </message>
</context>
<context>
    <name>ClientPhotoBox</name>
    <message>
        <source>Open photo</source>
        <translation>打开照片</translation>
    </message>
    <message>
        <source>Delete photo…</source>
        <translation>删除照片…</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>没有照片</translation>
    </message>
    <message>
        <source>Open a photo (File → Open Photo…) and save it to this client&apos;s record</source>
        <translation>打开一张照片（文件 → 打开照片…），再把它保存到这位客户的记录中</translation>
    </message>
    <message>
        <source>The photo does not read</source>
        <translation>照片无法读取</translation>
    </message>
    <message>
        <source>Saved on %1</source>
        <translation>保存于 %1</translation>
    </message>
    <message>
        <source>%1&apos;s photo</source>
        <translation>%1 的照片</translation>
    </message>
    <message>
        <source>Delete the photo saved in %1&apos;s record? This cannot be undone.</source>
        <translation>删除保存在 %1 记录中的照片？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete photo</source>
        <translation>删除照片</translation>
    </message>
    <message>
        <source>%1&apos;s photo is deleted. Nothing of it is left in the client file.</source>
        <translation>%1 的照片已删除。客户文件中不再留有它的任何内容。</translation>
    </message>
    <message>
        <source>Photo deleted</source>
        <translation>照片已删除</translation>
    </message>
</context>
<context>
    <name>ClientRecord</name>
    <message>
        <source>Export client record</source>
        <translation>导出顾客档案</translation>
    </message>
    <message>
        <source>%1&apos;s record was written to %2. It holds health details: keep it safe.</source>
        <translation>%1 的档案已写入 %2。其中含有健康信息，请妥善保管。</translation>
    </message>
    <message>
        <source>Client record</source>
        <translation>顾客档案</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare technique schools</source>
        <translation>比较各刮法</translation>
    </message>
    <message>
        <source>Zone:</source>
        <translation>区域：</translation>
    </message>
    <message>
        <source>Zone to compare</source>
        <translation>要比较的区域</translation>
    </message>
    <message>
        <source>Save as PDF sheet…</source>
        <translation>另存为 PDF 资料页…</translation>
    </message>
    <message>
        <source>One printable page: the zone under every school, with sources</source>
        <translation>可打印的一页：该区域在各刮法下的做法及出处</translation>
    </message>
    <message>
        <source>Save the comparison sheet</source>
        <translation>保存比较资料页</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>已保存 {name}</translation>
    </message>
</context>
<context>
    <name>ConcernZonesDrill</name>
    <message>
        <source>Which zones are traditionally used for “%1”?</source>
        <translation>传统上哪些区域用于“%1”？</translation>
    </message>
    <message>
        <source>Click zones on the face or tick them in the list (Space), then Check.</source>
        <translation>在面部点击区域，或在列表中勾选（Space），然后检查。</translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>检查(&amp;C)</translation>
    </message>
    <message>
        <source>Missed: %1</source>
        <translation>漏选：%1</translation>
    </message>
    <message>
        <source>Not for this: %1</source>
        <translation>不适用：%1</translation>
    </message>
    <message>
        <source>%1 % right · %2</source>
        <translation>正确 %1 % · %2</translation>
    </message>
</context>
<context>
    <name>DeckDialog</name>
    <message>
        <source>Custom deck</source>
        <translation>自定义卡组</translation>
    </message>
    <message>
        <source>Deck name</source>
        <translation>卡组名称</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>Points in the deck</source>
        <translation>卡组中的穴位</translation>
    </message>
    <message>
        <source>&amp;Points (Space ticks one)</source>
        <translation>穴位（Space 勾选）(&amp;P)</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Print sheet</source>
        <translation>打印资料页</translation>
    </message>
    <message>
        <source>Sent to the printer</source>
        <translation>已发送到打印机</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>Export image</source>
        <translation>导出图像</translation>
    </message>
    <message>
        <source>Width in pixels:</source>
        <translation>宽度（像素）：</translation>
    </message>
    <message>
        <source>the image could not be rendered</source>
        <translation>无法生成图像</translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation>已保存 {file}</translation>
    </message>
    <message>
        <source>{file} was not saved: {reason}.</source>
        <translation>{file} 未保存：{reason}。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>FlashcardActivity</name>
    <message>
        <source>What is its %1?</source>
        <translation>它的%1是什么？</translation>
    </message>
    <message>
        <source>&amp;Show answer (Space)</source>
        <translation>显示答案 (Space)(&amp;S)</translation>
    </message>
</context>
<context>
    <name>Guide</name>
    <message>
        <source>%1 B-cun</source>
        <translation>%1 骨度寸</translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Zones:</source>
        <translation>区域：</translation>
    </message>
    <message>
        <source>Zones marked for %1</source>
        <translation>为“%1”标记的区域</translation>
    </message>
</context>
<context>
    <name>LocalChange</name>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>修改</translation>
    </message>
</context>
<context>
    <name>LocateActivity</name>
    <message>
        <source>Where is this point? (%1)</source>
        <translation>这个穴位在哪里？（%1）</translation>
    </message>
    <message>
        <source>Click it on the face (either side). Or: arrow keys move a cross, Shift goes further, Enter places it.</source>
        <translation>在面部点击它（左右两侧均可）。或用方向键移动十字，Shift 移动更远，Enter 确定。</translation>
    </message>
    <message>
        <source>%1 cun from %2 · graded %3</source>
        <translation>距 %2 %1 寸 · 评为%3</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Bilingual (English and 简体中文 side by side)</source>
        <translation>双语（English 与简体中文并排）</translation>
    </message>
    <message>
        <source>Hover information</source>
        <translation>悬停信息</translation>
    </message>
    <message>
        <source>Translations not found: {files}</source>
        <translation>找不到翻译文件：{files}</translation>
    </message>
    <message>
        <source>Hover: {what}</source>
        <translation>悬停：{what}</translation>
    </message>
    <message>
        <source>left out today: {reasons}</source>
        <translation>今天略过：{reasons}</translation>
    </message>
    <message>
        <source>Open Photo… (not installed)</source>
        <translation>打开照片…（未安装）</translation>
    </message>
    <message>
        <source>Map the zones and points onto a client&apos;s photo</source>
        <translation>把区域和穴位对应到顾客的照片上</translation>
    </message>
    <message>
        <source>Content folder</source>
        <translation>内容文件夹</translation>
    </message>
    <message>
        <source>{folder} cannot be created: {reason}.</source>
        <translation>无法创建 {folder}：{reason}。</translation>
    </message>
    <message>
        <source>✎ The disclaimer was {change} locally by your content pack.</source>
        <translation>✎ 免责声明已由您的内容包在本地{change}。</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>参考文献</translation>
    </message>
    <message>
        <source>About Meridian Map</source>
        <translation>关于 Meridian Map</translation>
    </message>
    <message>
        <source>Settings not saved: {reason}</source>
        <translation>设置未保存：{reason}</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>设置未保存</translation>
    </message>
    <message>
        <source>Your settings were not saved: {reason}.</source>
        <translation>您的设置未能保存：{reason}。</translation>
    </message>
</context>
<context>
    <name>Map</name>
    <message>
        <source>R · subject&apos;s right</source>
        <translation>右 · 受术者右侧</translation>
    </message>
    <message>
        <source>subject&apos;s left · L</source>
        <translation>受术者左侧 · 左</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Face map</source>
        <translation>面部图</translation>
    </message>
    <message>
        <source>Zones and points of the face. Tab, Down and Up move between zones; Right and Left also visit the points in each zone; Enter selects, Escape clears.</source>
        <translation>面部的区域和穴位。Tab、下、上键在区域间移动；右、左键还会依次经过每个区域内的穴位；Enter 选择，Esc 清除。</translation>
    </message>
</context>
<context>
    <name>MembershipDrill</name>
    <message>
        <source>Which channel is %1 on?</source>
        <translation>%1 属于哪条经络？</translation>
    </message>
    <message>
        <source>Which zone is %1 in?</source>
        <translation>%1 位于哪个区域？</translation>
    </message>
    <message>
        <source>Choose with keys 1–4 or click.</source>
        <translation>按 1–4 键或点击选择。</translation>
    </message>
    <message>
        <source>Right: %1</source>
        <translation>正确：%1</translation>
    </message>
    <message>
        <source>Not %1</source>
        <translation>不是%1</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>导出 PDF(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;Image…</source>
        <translation>导出图像(&amp;I)…</translation>
    </message>
    <message>
        <source>Open P&amp;hoto…</source>
        <translation>打开照片(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Explore the map</source>
        <translation>浏览面部图(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Study</source>
        <translation>学习(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Clients and routines</source>
        <translation>顾客与流程(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Present routine</source>
        <translation>演示护理流程(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>适合窗口(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>高对比度(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Clear selection</source>
        <translation>取消选择(&amp;C)</translation>
    </message>
    <message>
        <source>Compare technique &amp;schools…</source>
        <translation>比较各刮法(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Open &amp;content folder</source>
        <translation>打开内容文件夹(&amp;C)</translation>
    </message>
    <message>
        <source>Technique schools and &amp;sources…</source>
        <translation>刮法及出处(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;About Meridian Map</source>
        <translation>关于 Meridian Map(&amp;A)</translation>
    </message>
</context>
<context>
    <name>NextPointDrill</name>
    <message>
        <source>Along %1, which point comes after %2?</source>
        <translation>沿%1，%2 之后是哪个穴位？</translation>
    </message>
    <message>
        <source>Click it on the face, or choose with keys 1–%1.</source>
        <translation>在面部点击它，或按 1–%1 键选择。</translation>
    </message>
    <message>
        <source>Right: %1</source>
        <translation>正确：%1</translation>
    </message>
    <message>
        <source>Not %1</source>
        <translation>不是%1</translation>
    </message>
    <message>
        <source>After %1 comes %2.</source>
        <translation>%1 之后是 %2。</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Session note</source>
        <translation>本次记录</translation>
    </message>
    <message>
        <source>Choose or start a session to write its note</source>
        <translation>选择或开始一次疗程后再写记录</translation>
    </message>
    <message>
        <source>Type the session note</source>
        <translation>输入本次疗程的记录</translation>
    </message>
    <message numerus="yes">
        <source>The note is longer than %n characters: the rest is not saved.</source>
        <translation>
            <numerusform>记录超过 %n 个字符：多出的部分不会保存。</numerusform>
        </translation>
    </message>
    <message>
        <source>The note was not saved: %1</source>
        <translation>记录未保存：%1</translation>
    </message>
</context>
<context>
    <name>OrderDrill</name>
    <message>
        <source>Put the course of %1 in the order it flows</source>
        <translation>按流注顺序排列%1的循行</translation>
    </message>
    <message>
        <source>Drag the rows, or move the current row with Alt+Up and Alt+Down; Enter checks.</source>
        <translation>拖动各行，或用 Alt+Up 和 Alt+Down 移动当前行；Enter 检查。</translation>
    </message>
    <message>
        <source>Course to put in order</source>
        <translation>待排序的循行</translation>
    </message>
    <message>
        <source>&amp;Check (Enter)</source>
        <translation>检查 (Enter)(&amp;C)</translation>
    </message>
    <message>
        <source>%1 of %2 in order · %3</source>
        <translation>%2 个中 %1 个顺序正确 · %3</translation>
    </message>
    <message>
        <source>The flow: %1</source>
        <translation>流注：%1</translation>
    </message>
</context>
<context>
    <name>Panel</name>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Details in Chinese</source>
        <translation>中文详细信息</translation>
    </message>
    <message>
        <source>Facial gua sha zones and acupuncture points</source>
        <translation>面部刮痧区域与穴位</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Hover&lt;/b&gt; a zone to see its name; &lt;b&gt;click&lt;/b&gt; it to see how it is worked: direction, pressure, strokes, the points in it and which concerns&apos; routines include it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;将指针&lt;b&gt;悬停&lt;/b&gt;在区域上可查看其名称；&lt;b&gt;点击&lt;/b&gt;区域可查看操作方法：方向、力度、次数、区域内的穴位，以及哪些问题的护理流程包括该区域。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Pick a concern on the left to light up its zones, or press &lt;b&gt;Ctrl+F&lt;/b&gt; to find a point by code, pinyin or hanzi (ST2, sibai, 四白).&lt;/p&gt;</source>
        <translation>&lt;p&gt;在左侧选择一个问题可突出显示其区域，或按 &lt;b&gt;Ctrl+F&lt;/b&gt; 按代码、拼音或汉字查找穴位（ST2、sibai、四白）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The {stomach} (solid line) and the {large_intestine} (dashed), the Yang Ming pair, are drawn on top.&lt;/p&gt;</source>
        <translation>&lt;p&gt;{stomach}（实线）与{large_intestine}（虚线）同属阳明，绘于最上层。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>✎ This disclaimer was {change} locally.</source>
        <translation>✎ 此免责声明已在本地{change}。</translation>
    </message>
    <message>
        <source>✎ from your content folder</source>
        <translation>✎ 来自您的内容文件夹</translation>
    </message>
    <message>
        <source>Technique school</source>
        <translation>刮法</translation>
    </message>
    <message>
        <source>Every school strokes this zone the same way.</source>
        <translation>各刮法对此区域的刮拭方式相同。</translation>
    </message>
    <message>
        <source>Where schools disagree</source>
        <translation>各刮法的不同之处</translation>
    </message>
    <message>
        <source>No work this school cites covers this zone; the zone&apos;s own strokes are shown.</source>
        <translation>此刮法所引文献均未涉及该区域；显示的是该区域本身的刮法。</translation>
    </message>
    <message>
        <source>✎ {change} locally</source>
        <translation>✎ 已在本地{change}</translation>
    </message>
</context>
<context>
    <name>PhotoMode</name>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff);;All files (*)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Photo mode is not installed</source>
        <translation>照片模式未安装</translation>
    </message>
    <message>
        <source>Open Photo</source>
        <translation>打开照片</translation>
    </message>
    <message>
        <source>Finding the face on %1…</source>
        <translation>正在 %1 上寻找面部…</translation>
    </message>
    <message>
        <source>Cannot map this photo</source>
        <translation>无法在这张照片上对应</translation>
    </message>
</context>
<context>
    <name>PhotoPage</name>
    <message>
        <source>Fit residual</source>
        <translation>拟合残差</translation>
    </message>
    <message>
        <source>Move landmarks</source>
        <translation>移动标志点</translation>
    </message>
    <message>
        <source>Drag a landmark where it belongs on the photo; the map follows</source>
        <translation>把标志点拖到照片上的正确位置，图会随之调整</translation>
    </message>
    <message>
        <source>Back to the drawing</source>
        <translation>回到示意图</translation>
    </message>
    <message>
        <source>Moved %s; the map follows it</source>
        <translation>已移动 %s，图已随之调整</translation>
    </message>
    <message>
        <source>Save photo to %1</source>
        <translation>将照片保存到 %1</translation>
    </message>
    <message>
        <source>Keep this photo, without its metadata, and the landmarks as placed, in %1&apos;s record</source>
        <translation>将这张照片（不含元数据）及当前摆放的标志点保存到 %1 的记录中</translation>
    </message>
    <message>
        <source>Photo not saved</source>
        <translation>照片未保存</translation>
    </message>
    <message>
        <source>Saved the photo to %1&apos;s record</source>
        <translation>照片已保存到 %1 的记录</translation>
    </message>
    <message>
        <source>%s — fit residual %.1f px (%.1f %% of the face height)</source>
        <translation>%s — 拟合残差 %.1f 像素（脸高的 %.1f %%）</translation>
    </message>
</context>
<context>
    <name>PlayerPage</name>
    <message>
        <source>Routine player</source>
        <translation>护理流程演示</translation>
    </message>
    <message>
        <source>Client&apos;s right</source>
        <translation>受术者右侧</translation>
    </message>
    <message>
        <source>Client&apos;s left</source>
        <translation>受术者左侧</translation>
    </message>
    <message>
        <source>Mirror view</source>
        <translation>镜像视图</translation>
    </message>
    <message>
        <source>Left out today</source>
        <translation>今日不做的区域</translation>
    </message>
    <message>
        <source>Warning: {text}</source>
        <translation>警告：{text}</translation>
    </message>
    <message>
        <source>Esc leaves.</source>
        <translation>按 ESC 退出。</translation>
    </message>
    <message>
        <source>Session postponed</source>
        <translation>本次护理延后</translation>
    </message>
    <message>
        <source>← goes back to the last step. Esc leaves.</source>
        <translation>按 ← 回到最后一步，按 ESC 退出。</translation>
    </message>
    <message>
        <source>{done} of {total} steps done.</source>
        <translation>已完成 {done}/{total} 步。</translation>
    </message>
    <message>
        <source>Routine complete</source>
        <translation>护理流程完成</translation>
    </message>
    <message>
        <source>Nothing to work today</source>
        <translation>今日无可操作的区域</translation>
    </message>
    <message>
        <source>Every zone of the routine is left out.</source>
        <translation>护理流程中的所有区域今日都不做。</translation>
    </message>
    <message>
        <source>Step {number} of {total}</source>
        <translation>第 {number} 步，共 {total} 步</translation>
    </message>
    <message>
        <source>Both sides, the same way</source>
        <translation>两侧手法相同</translation>
    </message>
    <message>
        <source>Client&apos;s right side only</source>
        <translation>仅受术者右侧</translation>
    </message>
    <message>
        <source>Client&apos;s left side only</source>
        <translation>仅受术者左侧</translation>
    </message>
    <message>
        <source>Lighter than planned ({planned}) today: {reasons}</source>
        <translation>今日力度比计划（{planned}）更轻：{reasons}</translation>
    </message>
    <message>
        <source>Line {line} of {lines}</source>
        <translation>第 {line} 条线，共 {lines} 条</translation>
    </message>
    <message>
        <source>counting by itself, {tempo:g} a minute</source>
        <translation>自动计数，每分钟 {tempo:g} 次</translation>
    </message>
    <message>
        <source>→ next   ← back   Space counts   A counts by itself
B blanks   M mirrors   C codes   Esc leaves</source>
        <translation>→ 下一步   ← 上一步   空格键 计数   A 自动计数
B 黑屏   M 镜像   C 穴位代码   ESC 退出</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <source>Your progress</source>
        <translation>你的进度</translation>
    </message>
    <message>
        <source>Answers per day, last 30 days</source>
        <translation>最近 30 天每日作答</translation>
    </message>
    <message>
        <source>Right answers by channel</source>
        <translation>各经络答对率</translation>
    </message>
    <message>
        <source>Mastery on the face (the number is the level)</source>
        <translation>面部掌握程度（数字为等级）</translation>
    </message>
    <message>
        <source>not studied</source>
        <translation>未学习</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>薄弱</translation>
    </message>
    <message>
        <source>learning</source>
        <translation>学习中</translation>
    </message>
    <message>
        <source>good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>mastered</source>
        <translation>已掌握</translation>
    </message>
    <message>
        <source>Due today: %1 (%4 now) · streak: %2 day(s) · answers in 30 days: %3</source>
        <translation>今日到期：%1（现在 %4）· 连续：%2 天 · 30 天作答：%3</translation>
    </message>
    <message>
        <source>No answers yet.</source>
        <translation>尚无作答。</translation>
    </message>
    <message>
        <source>Weakest points: %1</source>
        <translation>最薄弱的穴位：%1</translation>
    </message>
</context>
<context>
    <name>ReviewChart</name>
    <message>
        <source>Answers per day, last 30 days</source>
        <translation>最近 30 天每日作答</translation>
    </message>
    <message>
        <source>highest: %1</source>
        <translation>最高：%1</translation>
    </message>
</context>
<context>
    <name>RoutineBuilder</name>
    <message>
        <source>Concerns</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>&amp;Build from concerns</source>
        <translation>按问题生成(&amp;B)</translation>
    </message>
    <message>
        <source>Concerns (one or more, merged):</source>
        <translation>问题（可多选，合并）：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Steps (drag, or Ctrl+Up / Ctrl+Down to move; Delete to drop):</source>
        <translation>步骤（拖动，或按 Ctrl+上 / Ctrl+下 移动；按 Delete 删除）：</translation>
    </message>
    <message>
        <source>&amp;Add zone</source>
        <translation>添加区域(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Drop step</source>
        <translation>删除步骤(&amp;D)</translation>
    </message>
    <message>
        <source>Tick at least one concern to build a routine from.</source>
        <translation>请至少勾选一个问题来生成流程。</translation>
    </message>
    <message>
        <source>A routine keeps at least one step.</source>
        <translation>流程至少要保留一个步骤。</translation>
    </message>
    <message>
        <source>New routine</source>
        <translation>新流程</translation>
    </message>
</context>
<context>
    <name>RoutineList</name>
    <message>
        <source>Saved routines</source>
        <translation>已保存的流程</translation>
    </message>
    <message>
        <source>%1 (template)</source>
        <translation>%1（模板）</translation>
    </message>
</context>
<context>
    <name>SchoolColumn</name>
    <message>
        <source>No work this school cites covers this zone; the zone&apos;s own strokes are shown.</source>
        <translation>此刮法所引文献均未涉及该区域；显示的是该区域本身的刮法。</translation>
    </message>
</context>
<context>
    <name>SchoolPicker</name>
    <message>
        <source>Technique school</source>
        <translation>刮法</translation>
    </message>
    <message>
        <source>Technique school: which way the strokes go</source>
        <translation>刮法：刮拭的方向</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>比较…</translation>
    </message>
    <message>
        <source>The selected zone under every school, side by side</source>
        <translation>并排显示所选区域在各刮法下的做法</translation>
    </message>
    <message>
        <source>Sources…</source>
        <translation>出处…</translation>
    </message>
    <message>
        <source>What each school rests on, work by work</source>
        <translation>各刮法依据的文献，逐一列出</translation>
    </message>
</context>
<context>
    <name>ScreeningForm</name>
    <message>
        <source>Tick what applies to the client today. The routine is screened as you go.</source>
        <translation>勾选顾客今天符合的情况，流程会随之筛查。</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search  ST2, sibai, 四白, stomach, dark circles</source>
        <translation>搜索  ST2、sibai、四白、胃经、黑眼圈</translation>
    </message>
    <message>
        <source>Search points, channels, zones and concerns</source>
        <translation>搜索穴位、经脉、区域和问题</translation>
    </message>
    <message>
        <source>point</source>
        <translation>穴位</translation>
    </message>
    <message>
        <source>zone</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>concern</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>经脉</translation>
    </message>
    <message>
        <source>No match for “%1”</source>
        <translation>没有与“%1”匹配的结果</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Zones</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Yang Ming channels (ST, LI)</source>
        <translation>阳明经（ST、LI）</translation>
    </message>
    <message>
        <source>Other channels</source>
        <translation>其他经脉</translation>
    </message>
    <message>
        <source>Stroke arrows</source>
        <translation>刮拭方向箭头</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>穴位</translation>
    </message>
    <message>
        <source>Point labels</source>
        <translation>穴位标签</translation>
    </message>
    <message>
        <source>Codes (ST2)</source>
        <translation>代码（ST2）</translation>
    </message>
    <message>
        <source>Pinyin (Sìbái)</source>
        <translation>拼音（Sìbái）</translation>
    </message>
    <message>
        <source>Hanzi (四白)</source>
        <translation>汉字（四白）</translation>
    </message>
    <message>
        <source>Show zones for</source>
        <translation>按问题显示区域</translation>
    </message>
    <message>
        <source>Skin concern</source>
        <translation>皮肤问题</translation>
    </message>
    <message>
        <source>Zones: for the chosen concern in working order, else all</source>
        <translation>区域：所选问题的区域按操作顺序排列，未选时列出全部</translation>
    </message>
    <message>
        <source>Note for the take-home sheet</source>
        <translation>在家刮痧单上的备注</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Label text</source>
        <translation>标签文字</translation>
    </message>
    <message>
        <source>Label which side</source>
        <translation>标注哪一侧</translation>
    </message>
    <message>
        <source>Both sides</source>
        <translation>两侧</translation>
    </message>
    <message>
        <source>Subject&apos;s right</source>
        <translation>受术者右侧</translation>
    </message>
    <message>
        <source>Subject&apos;s left</source>
        <translation>受术者左侧</translation>
    </message>
    <message>
        <source>How a point is found</source>
        <translation>取穴方法</translation>
    </message>
    <message>
        <source>Draw the landmarks and B-cun measurements of the selected point</source>
        <translation>画出所选穴位的体表标志和骨度寸测量</translation>
    </message>
    <message>
        <source>Label size</source>
        <translation>标签大小</translation>
    </message>
    <message>
        <source>Labels at {size} %</source>
        <translation>标签 {size} %</translation>
    </message>
    <message>
        <source>Yang Ming focus</source>
        <translation>突出阳明经</translation>
    </message>
    <message>
        <source>Dim everything but the Stomach and Large Intestine channels</source>
        <translation>除胃经和大肠经外，其余均淡化显示</translation>
    </message>
    <message>
        <source>Animate strokes</source>
        <translation>刮拭动画</translation>
    </message>
    <message>
        <source>— any concern —</source>
        <translation>— 全部问题 —</translation>
    </message>
    <message>
        <source>{change} by your content pack</source>
        <translation>已由您的内容包{change}</translation>
    </message>
    <message>
        <source>Too long to print: {reason}</source>
        <translation>太长，无法打印：{reason}</translation>
    </message>
    <message>
        <source>The sheet continues on page 2</source>
        <translation>内容将延续到第 2 页</translation>
    </message>
    <message>
        <source>The sheet runs to {pages} pages</source>
        <translation>内容共 {pages} 页</translation>
    </message>
    <message>
        <source>About {count} more characters fit on the first page</source>
        <translation>第一页还可容纳约 {count} 个字符</translation>
    </message>
</context>
<context>
    <name>SourcesDialog</name>
    <message>
        <source>Technique schools and sources</source>
        <translation>刮法及出处</translation>
    </message>
</context>
<context>
    <name>SourcesView</name>
    <message>
        <source> (default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>Zones its works do not cover stroke by stroke:</source>
        <translation>其文献未逐一说明刮法的区域：</translation>
    </message>
    <message>
        <source>Technique schools and their sources</source>
        <translation>各刮法及其出处</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Settings not saved</source>
        <translation>设置未保存</translation>
    </message>
    <message>
        <source>Your settings were not saved when Meridian Map last closed: {reason}.</source>
        <translation>上次关闭 Meridian Map 时设置未能保存：{reason}。</translation>
    </message>
    <message>
        <source>The window opens as it was set before that.</source>
        <translation>窗口按在此之前保存的设置打开。</translation>
    </message>
    <message>
        <source>Your content pack has problems</source>
        <translation>您的内容包有问题</translation>
    </message>
    <message>
        <source>{count} problem(s) in {folder}. The shipped content is shown instead.</source>
        <translation>{folder} 中有 {count} 个问题。现改为显示随附的内容。</translation>
    </message>
    <message>
        <source>… and {count} more under Show Details.</source>
        <translation>……另有 {count} 个，见“显示详细信息”。</translation>
    </message>
    <message>
        <source>Translations not found: {files}</source>
        <translation>找不到翻译文件：{files}</translation>
    </message>
</context>
<context>
    <name>StepEditor</name>
    <message>
        <source>This step</source>
        <translation>本步骤</translation>
    </message>
    <message>
        <source>Pressure:</source>
        <translation>力度：</translation>
    </message>
    <message>
        <source>Strokes per line:</source>
        <translation>每条线次数：</translation>
    </message>
    <message>
        <source>Both sides</source>
        <translation>两侧</translation>
    </message>
    <message>
        <source>Client&apos;s right only</source>
        <translation>只做顾客右侧</translation>
    </message>
    <message>
        <source>Client&apos;s left only</source>
        <translation>只做顾客左侧</translation>
    </message>
    <message>
        <source>Sides:</source>
        <translation>侧别：</translation>
    </message>
    <message>
        <source>Lines:</source>
        <translation>刮拭线：</translation>
    </message>
    <message>
        <source>As the content says</source>
        <translation>按内容默认</translation>
    </message>
    <message>
        <source>Step: %1</source>
        <translation>步骤：%1</translation>
    </message>
</context>
<context>
    <name>StepList</name>
    <message>
        <source>Routine steps</source>
        <translation>流程步骤</translation>
    </message>
</context>
<context>
    <name>StrokeDrill</name>
    <message>
        <source>right side</source>
        <translation>右侧</translation>
    </message>
    <message>
        <source>left side</source>
        <translation>左侧</translation>
    </message>
    <message>
        <source>Drag the main stroke of %1 (%2)</source>
        <translation>拖出%1（%2）的主要刮拭方向</translation>
    </message>
    <message>
        <source>Drag on the face the way the stroke goes. Or: arrow keys turn an arrow, Enter gives it.</source>
        <translation>在面部按刮拭方向拖动。或用方向键转动箭头，Enter 确定。</translation>
    </message>
    <message>
        <source>%1° off the stroke · %2</source>
        <translation>偏离刮拭方向 %1° · %2</translation>
    </message>
    <message>
        <source>The stroke is now drawn on the face.</source>
        <translation>刮拭方向现已画在面部。</translation>
    </message>
</context>
<context>
    <name>StudyPage</name>
    <message>
        <source>Face map for study</source>
        <translation>学习用面部图</translation>
    </message>
    <message>
        <source>Study warning</source>
        <translation>学习警告</translation>
    </message>
    <message>
        <source>Decks</source>
        <translation>卡组</translation>
    </message>
    <message>
        <source>Deck</source>
        <translation>卡组</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新卡</translation>
    </message>
    <message>
        <source>&amp;Decks</source>
        <translation>卡组(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Study due cards</source>
        <translation>学习到期卡片(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Practice (schedule untouched)</source>
        <translation>练习（不改变复习计划）(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;New deck…</source>
        <translation>新建卡组…(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Rename or edit…</source>
        <translation>重命名或编辑…(&amp;R)</translation>
    </message>
    <message>
        <source>De&amp;lete deck</source>
        <translation>删除卡组(&amp;L)</translation>
    </message>
    <message>
        <source>Next point along a channel</source>
        <translation>沿经络的下一个穴位</translation>
    </message>
    <message>
        <source>Put a course in order</source>
        <translation>排列循行顺序</translation>
    </message>
    <message>
        <source>Zones for a concern</source>
        <translation>问题对应的区域</translation>
    </message>
    <message>
        <source>Stroke direction</source>
        <translation>刮拭方向</translation>
    </message>
    <message>
        <source>Channel or zone of a point</source>
        <translation>穴位所属经络或区域</translation>
    </message>
    <message>
        <source>Drills (not scheduled)</source>
        <translation>练习题（不计入复习计划）</translation>
    </message>
    <message>
        <source>&amp;End (Esc)</source>
        <translation>结束（退出键）(&amp;E)</translation>
    </message>
    <message>
        <source>Your study database cannot be used (%1). Answers today are not kept.</source>
        <translation>你的学习数据库无法使用（%1）。今天的作答不会保存。</translation>
    </message>
    <message>
        <source>%1 unreadable rows of your study database were left out.</source>
        <translation>学习数据库中有 %1 行无法读取，已略过。</translation>
    </message>
    <message>
        <source>New deck</source>
        <translation>新建卡组</translation>
    </message>
    <message>
        <source>Rename or edit deck</source>
        <translation>重命名或编辑卡组</translation>
    </message>
    <message>
        <source>a deck called “%1” already exists</source>
        <translation>已有名为“%1”的卡组</translation>
    </message>
    <message>
        <source>Deck not saved</source>
        <translation>卡组未保存</translation>
    </message>
    <message>
        <source>Delete deck</source>
        <translation>删除卡组</translation>
    </message>
    <message>
        <source>Delete the deck “%1”? Your answers to its cards are kept.</source>
        <translation>删除卡组“%1”？其卡片的作答记录会保留。</translation>
    </message>
    <message>
        <source>Drill · %1 of %2 right</source>
        <translation>练习题 · %2 题中答对 %1 题</translation>
    </message>
    <message>
        <source>No more cards due now.</source>
        <translation>现在没有到期的卡片了。</translation>
    </message>
    <message>
        <source>%1 come back within the hour.</source>
        <translation>%1 张卡片将在一小时内再次出现。</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>Due cards</source>
        <translation>到期卡片</translation>
    </message>
    <message>
        <source>%1 answered</source>
        <translation>已答 %1 张</translation>
    </message>
    <message>
        <source>That answer was not saved: %1</source>
        <translation>该作答未保存：%1</translation>
    </message>
</context>
<context>
    <name>TakeHomeDialog</name>
    <message>
        <source>Take-home sheet</source>
        <translation>在家刮痧单</translation>
    </message>
    <message>
        <source>Client&apos;s name:</source>
        <translation>顾客姓名：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>On the client&apos;s &amp;photo</source>
        <translation>画在客户的照片上(&amp;P)</translation>
    </message>
    <message>
        <source>Draw the routine on the client&apos;s own photo instead of the drawn face</source>
        <translation>把疗程画在客户自己的照片上，而不是画出的面部图上</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Pre&amp;view…</source>
        <translation>预览(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>导出 PDF(&amp;E)…</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>The %1 cannot be printed: %2</source>
        <translation>%1无法打印：%2</translation>
    </message>
    <message>
        <source>Print take-home sheet</source>
        <translation>打印在家刮痧单</translation>
    </message>
    <message>
        <source>Sent to the printer</source>
        <translation>已发送到打印机</translation>
    </message>
    <message>
        <source>Take-home sheet preview</source>
        <translation>在家刮痧单预览</translation>
    </message>
    <message>
        <source>Export take-home sheet</source>
        <translation>导出在家刮痧单</translation>
    </message>
    <message>
        <source>%1 was not saved: %2</source>
        <translation>%1 未保存：%2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>The pack&apos;s screening items are left out:</source>
        <translation>内容包中的筛查项目未被采用：</translation>
    </message>
</context>
<context>
    <name>WorkspacePage</name>
    <message>
        <source>&amp;Screening</source>
        <translation>筛查(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Routine</source>
        <translation>流程(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>今天(&amp;T)</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>Rena&amp;me…</source>
        <translation>重命名(&amp;M)…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Past sessions</source>
        <translation>以往疗程</translation>
    </message>
    <message>
        <source>Saved routines (this client&apos;s, then templates):</source>
        <translation>已保存的流程（先本顾客的，再模板）：</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Save for &amp;client</source>
        <translation>为顾客保存(&amp;C)</translation>
    </message>
    <message>
        <source>Save as &amp;template</source>
        <translation>存为模板(&amp;T)</translation>
    </message>
    <message>
        <source>D&amp;uplicate…</source>
        <translation>复制(&amp;U)…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Today&apos;s routine after screening</source>
        <translation>筛查后的今日流程</translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation>演示(&amp;P)</translation>
    </message>
    <message>
        <source>Start session without presenting</source>
        <translation>不演示，直接开始疗程</translation>
    </message>
    <message>
        <source>Take-home &amp;sheet…</source>
        <translation>在家刮痧单(&amp;S)…</translation>
    </message>
    <message>
        <source>Session note (saved as you type):</source>
        <translation>本次记录（边输入边保存）：</translation>
    </message>
    <message>
        <source>Screening items in your content pack</source>
        <translation>内容包中的筛查项目</translation>
    </message>
    <message>
        <source>Client file</source>
        <translation>顾客文件</translation>
    </message>
    <message>
        <source>Last screened on %1. Ask every question again today.</source>
        <translation>上次筛查于 %1。今天请把每个问题再问一遍。</translation>
    </message>
    <message>
        <source>Not screened before.</source>
        <translation>以前未做过筛查。</translation>
    </message>
    <message>
        <source>No client chosen: the screening is not recorded.</source>
        <translation>未选择顾客：筛查结果不会被记录。</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>新顾客</translation>
    </message>
    <message>
        <source>Name or alias (printed on sheets):</source>
        <translation>姓名或称呼（会打印在单子上）：</translation>
    </message>
    <message>
        <source>Rename client</source>
        <translation>重命名顾客</translation>
    </message>
    <message>
        <source>Name or alias:</source>
        <translation>姓名或称呼：</translation>
    </message>
    <message>
        <source>Delete %1 entirely, with every routine, session, note and screening answer kept for them? This cannot be undone.</source>
        <translation>要彻底删除“%1”及其所有流程、疗程、记录和筛查回答吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete client</source>
        <translation>删除顾客</translation>
    </message>
    <message>
        <source>Nothing of it is left in the client file.</source>
        <translation>顾客文件中已不留任何相关内容。</translation>
    </message>
    <message>
        <source>Client deleted</source>
        <translation>顾客已删除</translation>
    </message>
    <message>
        <source>Open routine</source>
        <translation>打开流程</translation>
    </message>
    <message>
        <source>%1 does not fit the content in use: %2</source>
        <translation>%1 与当前内容不符：%2</translation>
    </message>
    <message>
        <source>Save routine</source>
        <translation>保存流程</translation>
    </message>
    <message>
        <source>Saved the routine “%1”</source>
        <translation>已保存流程“%1”</translation>
    </message>
    <message>
        <source>Routine name:</source>
        <translation>流程名称：</translation>
    </message>
    <message>
        <source>Duplicate routine</source>
        <translation>复制流程</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>Rename routine</source>
        <translation>重命名流程</translation>
    </message>
    <message>
        <source>Delete routine</source>
        <translation>删除流程</translation>
    </message>
    <message>
        <source>Build or open a routine to see what is worked today.</source>
        <translation>生成或打开一个流程，查看今天要做的部分。</translation>
    </message>
    <message>
        <source>Screening incomplete: %1</source>
        <translation>筛查未完成：%1</translation>
    </message>
    <message>
        <source>Session postponed: %1</source>
        <translation>疗程推迟：%1</translation>
    </message>
    <message>
        <source>capped from %1 by %2</source>
        <translation>因“%2”从%1降低</translation>
    </message>
    <message>
        <source>may be worked again from %1</source>
        <translation>自 %1 起可再做</translation>
    </message>
    <message>
        <source>nothing ticked</source>
        <translation>未勾选任何项</translation>
    </message>
    <message>
        <source>Screening: %1</source>
        <translation>筛查：%1</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>疗程</translation>
    </message>
    <message>
        <source>Build a routine first, and answer the screening.</source>
        <translation>请先生成流程，并完成筛查。</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>Today&apos;s session is postponed: %1</source>
        <translation>今天的疗程推迟：%1</translation>
    </message>
</context>
</TS>
