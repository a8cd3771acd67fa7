<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Exporter</name>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to the printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width in pixels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image could not be rendered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} was not saved: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalChange</name>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Bilingual (English and 简体中文 side by side)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hover information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translations not found: {files}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hover: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder} cannot be created: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✎ The disclaimer was {change} locally by your content pack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Meridian Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings not saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your settings were not saved: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Face map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zones and points of the face. Tab or arrow keys move between zones, Enter selects.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;content folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Meridian Map</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Panel</name>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facial gua sha zones and acupuncture points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Hover&lt;/b&gt; a zone to see its name; &lt;b&gt;click&lt;/b&gt; it to see how it is worked: direction, pressure, strokes, the points in it and which concerns&apos; routines include it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Pick a concern on the left to light up its zones, or press &lt;b&gt;Ctrl+F&lt;/b&gt; to find a point by code, pinyin or hanzi (ST2, sibai, 四白).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;The {stomach} (solid line) and the {large_intestine} (dashed), the Yang Ming pair, are drawn on top.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✎ This disclaimer was {change} locally.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✎ from your content folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✎ {change} locally</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search  ST2, sibai, 四白, dark circles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search points, zones and concerns</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Zones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yang Ming channels (ST, LI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stroke arrows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codes (ST2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinyin (Sìbái)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hanzi (四白)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show zones for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skin concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zones: for the chosen concern in working order, else all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note for the take-home sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yang Ming focus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dim everything but the Stomach and Large Intestine channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Animate strokes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— any concern —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{change} by your content pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long to print: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sheet continues on page 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sheet runs to {pages} pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About {count} more characters fit on the first page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Settings not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your settings were not saved when Meridian Map last closed: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window opens as it was set before that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your content pack has problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} problem(s) in {folder}. The shipped content is shown instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and {count} more under Show Details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translations not found: {files}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
