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
        <source>Concerns, layers, label settings and the channel legend; scrolls when they do not fit.</source>
        <translation>问题、图层、标签设置和经脉图例；放不下时可滚动。</translation>
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
    <name>ChannelLegend</name>
    <message>
        <source>Channels</source>
        <translation>经脉</translation>
    </message>
    <message>
        <source>The line each channel shown on the map is drawn with: colour, width and dashes.</source>
        <translation>图上每条经脉所用的线条：颜色、粗细和虚线样式。</translation>
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
    <name>SearchBox</name>
    <message>
        <source>Search  ST2, sibai, 四白, dark circles</source>
        <translation>搜索  ST2、sibai、四白、黑眼圈</translation>
    </message>
    <message>
        <source>Search points, zones and concerns</source>
        <translation>搜索穴位、区域和问题</translation>
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
</TS>
