<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CsvTransfer</name>
    <message numerus="yes">
        <source>%n session(s) exported to {path}</source>
        <translation>
            <numerusform>%n session exported to {path}</numerusform>
            <numerusform>%n sessions exported to {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s) added.</source>
        <translation>
            <numerusform>%Ln session added.</numerusform>
            <numerusform>%Ln sessions added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s) already in the history, so skipped.</source>
        <translation>
            <numerusform>%Ln session was already in the history, so it was skipped.</numerusform>
            <numerusform>%Ln sessions were already in the history, so they were skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) repeated in the file, so skipped.</source>
        <translation>
            <numerusform>%Ln row was repeated in the file, so it was skipped.</numerusform>
            <numerusform>%Ln rows were repeated in the file, so they were skipped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message numerus="yes">
        <source>Practised %n day(s) in a row.</source>
        <translation>
            <numerusform>Practised %n day in a row.</numerusform>
            <numerusform>Practised %n days in a row.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{when}  (%n session(s) that day)</source>
        <translation>
            <numerusform>{when}  (%n session that day)</numerusform>
            <numerusform>{when}  (%n sessions that day)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>The session of {when} was interrupted; the %n set(s) done were kept.</source>
        <translation>
            <numerusform>The session of {when} was interrupted; the %n set done was kept.</numerusform>
            <numerusform>The session of {when} was interrupted; the %n sets done were kept.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message numerus="yes">
        <source>Saved: {path} (%n page(s))</source>
        <translation>
            <numerusform>Saved: {path} (%n page)</numerusform>
            <numerusform>Saved: {path} (%n pages)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent to the printer (%n page(s)).</source>
        <translation>
            <numerusform>Sent to the printer (%n page).</numerusform>
            <numerusform>Sent to the printer (%n pages).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message numerus="yes">
        <source>%n rep(s) in {minutes} min.</source>
        <translation>
            <numerusform>%n rep in {minutes} min.</numerusform>
            <numerusform>%n reps in {minutes} min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n rep(s)</source>
        <translation>
            <numerusform>{done} of %n rep</numerusform>
            <numerusform>{done} of %n reps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Right knee: your pain rating is %n point(s) lower than before the session.</source>
        <translation>
            <numerusform>Right knee: your pain rating is %n point lower than before the session.</numerusform>
            <numerusform>Right knee: your pain rating is %n points lower than before the session.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left knee: your pain rating is %n point(s) lower than before the session.</source>
        <translation>
            <numerusform>Left knee: your pain rating is %n point lower than before the session.</numerusform>
            <numerusform>Left knee: your pain rating is %n points lower than before the session.</numerusform>
        </translation>
    </message>
</context>
</TS>
