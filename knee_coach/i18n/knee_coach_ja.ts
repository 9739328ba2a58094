<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Halfway</source>
        <translation>折り返し</translation>
    </message>
    <message>
        <source>Last one</source>
        <translation>ラスト1回</translation>
    </message>
    <message>
        <source>Set done</source>
        <translation>セット終了</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <source>Stopped because it hurts</source>
        <translation>痛みのため中止しました</translation>
    </message>
    <message>
        <source>Session stopped</source>
        <translation>セッションを終了しました</translation>
    </message>
    <message>
        <source>Session done</source>
        <translation>セッション終了</translation>
    </message>
    <message>
        <source>Switch side</source>
        <translation>反対側へ</translation>
    </message>
    <message>
        <source>Set {n} of {total}: {set}</source>
        <translation>セット {n}/{total}：{set}</translation>
    </message>
    <message>
        <source>Switch leg</source>
        <translation>反対の脚へ</translation>
    </message>
    <message>
        <source>Next routine</source>
        <translation>次のセルフケアへ</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Right leg</source>
        <translation>右脚</translation>
    </message>
    <message>
        <source>Left leg</source>
        <translation>左脚</translation>
    </message>
    <message>
        <source>Routine {number} of {count}: {title}</source>
        <translation>セルフケア {number}/{count}：{title}</translation>
    </message>
    <message>
        <source>{leg}, {side}</source>
        <translation>{leg}・{side}</translation>
    </message>
    <message>
        <source>{set} · {count} / {total}</source>
        <translation>{set} · {count} / {total}回</translation>
    </message>
</context>
<context>
    <name>CheckInPage</name>
    <message>
        <source>How does your knee feel now, after the routines?</source>
        <translation>セルフケアを終えて、ひざの具合はいかがですか？</translation>
    </message>
    <message>
        <source>How does your knee feel right now?</source>
        <translation>いまのひざの具合はいかがですか？</translation>
    </message>
    <message>
        <source>Rate the pain from 0 (none) to 10 (worst imaginable). Number keys work too.</source>
        <translation>痛みを 0（なし）〜10（考えられる最悪の痛み）で選んでください。数字キーでも入力できます。</translation>
    </message>
    <message>
        <source>Right knee: pain</source>
        <translation>右ひざの痛み</translation>
    </message>
    <message>
        <source>no pain</source>
        <translation>痛みなし</translation>
    </message>
    <message>
        <source>worst imaginable</source>
        <translation>考えられる最悪の痛み</translation>
    </message>
    <message>
        <source>Left knee: pain</source>
        <translation>左ひざの痛み</translation>
    </message>
    <message>
        <source>Tightness or catching behind the knee</source>
        <translation>ひざ裏の張り・詰まり感</translation>
    </message>
    <message>
        <source>moves freely</source>
        <translation>スムーズに動く</translation>
    </message>
    <message>
        <source>very stiff</source>
        <translation>とても硬い</translation>
    </message>
    <message>
        <source>Note (optional), e.g. slept badly, long walk</source>
        <translation>メモ（任意）&#x3000;例：よく眠れなかった、長く歩いた</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>See the summary</source>
        <translation>結果を見る</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>次へ</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>記録せずに進む</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>設定…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>記録</translation>
    </message>
    <message>
        <source>How the knee felt over the past weeks</source>
        <translation>ここ数週間のひざの具合</translation>
    </message>
    <message>
        <source>Right leg</source>
        <translation>右脚</translation>
    </message>
    <message>
        <source>Left leg</source>
        <translation>左脚</translation>
    </message>
    <message>
        <source>Both legs</source>
        <translation>両脚</translation>
    </message>
    <message>
        <source>First bend and straighten the knee once and notice how it has changed.</source>
        <translation>まず、ひざを一度曲げ伸ばしして、違和感がどう変わったか確かめてください。</translation>
    </message>
    <message>
        <source>Legs today:</source>
        <translation>今日行う脚：</translation>
    </message>
</context>
<context>
    <name>CsvTransfer</name>
    <message>
        <source>knee-coach-history-{day}.csv</source>
        <translation>KneeCoach-記録-{day}.csv</translation>
    </message>
    <message>
        <source>Export history as CSV</source>
        <translation>記録をCSVに書き出す</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSVファイル (*.csv)</translation>
    </message>
    <message>
        <source>Exporting the history…</source>
        <translation>記録を書き出しています…</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>書き出しを取り消しました。ファイルは作られていません。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>書き出せませんでした</translation>
    </message>
    <message>
        <source>The history could not be written to {path}: {error}</source>
        <translation>記録を {path} に書き出せませんでした：{error}</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) exported to {path}</source>
        <translation>
            <numerusform>%n件のセッションを {path} に書き出しました</numerusform>
        </translation>
    </message>
    <message>
        <source>Import history from CSV</source>
        <translation>CSVから記録を読み込む</translation>
    </message>
    <message>
        <source>Importing the history…</source>
        <translation>記録を読み込んでいます…</translation>
    </message>
    <message>
        <source>Import cancelled; the history was not changed.</source>
        <translation>読み込みを取り消しました。記録は変わっていません。</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>何も読み込みませんでした</translation>
    </message>
    <message>
        <source>{problem}

The history was not changed.</source>
        <translation>{problem}

記録は変更していません。</translation>
    </message>
    <message>
        <source>The history could not be updated: {error}</source>
        <translation>記録を更新できませんでした：{error}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s) added.</source>
        <translation>
            <numerusform>%Ln件のセッションを追加しました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s) already in the history, so skipped.</source>
        <translation>
            <numerusform>%Ln件はすでに記録にあったため、読み飛ばしました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) repeated in the file, so skipped.</source>
        <translation>
            <numerusform>%Ln行はファイルの中で重複していたため、読み飛ばしました。</numerusform>
        </translation>
    </message>
    <message>
        <source>History imported</source>
        <translation>記録を読み込みました</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>Desktop</name>
    <message>
        <source>Could not change start at login: {error}</source>
        <translation>ログイン時の起動を変更できませんでした：{error}</translation>
    </message>
</context>
<context>
    <name>HistoryAccess</name>
    <message>
        <source>Your history was saved by a newer version of Knee Coach (database version {version}). It was left untouched. Please update Knee Coach to see it and to keep recording; sessions run meanwhile but are not stored.

{path}</source>
        <translation>記録は新しいバージョンの Knee Coach で保存されています（データベースのバージョン {version}）。記録には手を加えていません。記録を見たり続けて記録したりするには Knee Coach を更新してください。それまでもセッションは行えますが、記録には残りません。

{path}</translation>
    </message>
    <message>
        <source>The history cannot be opened, so sessions are not stored for now: {error}</source>
        <translation>記録を開けないため、いまはセッションが記録されません：{error}</translation>
    </message>
    <message>
        <source>History not available</source>
        <translation>記録を使えません</translation>
    </message>
    <message>
        <source>The history is not available.</source>
        <translation>記録を使えません。</translation>
    </message>
    <message>
        <source>The history file was damaged and could not be read. It was kept, not deleted, as:
{moved}

A new, empty history was started.</source>
        <translation>記録のファイルが壊れていて読み込めませんでした。ファイルは削除せず、次の名前で残してあります：
{moved}

新しい空の記録を始めました。</translation>
    </message>
    <message>
        <source>History damaged</source>
        <translation>記録が壊れています</translation>
    </message>
    <message>
        <source>The latest backup is from {when}. Restore it? Sessions after it are in the damaged file only.</source>
        <translation>最新のバックアップは{when}のものです。復元しますか？それ以降のセッションは、壊れたファイルにしか残っていません。</translation>
    </message>
    <message>
        <source>Restore the latest backup</source>
        <translation>最新のバックアップを復元する</translation>
    </message>
    <message>
        <source>Start with an empty history</source>
        <translation>空の記録から始める</translation>
    </message>
    <message>
        <source>The backup could not be restored: {error}</source>
        <translation>バックアップを復元できませんでした：{error}</translation>
    </message>
    <message>
        <source>The latest backup was restored.</source>
        <translation>最新のバックアップを復元しました。</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>History and weekly review</source>
        <translation>記録と週のふり返り</translation>
    </message>
    <message>
        <source>How your knee felt</source>
        <translation>ひざの具合の記録</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>1週間</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>1か月</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全期間</translation>
    </message>
    <message>
        <source>Save chart as PNG…</source>
        <translation>グラフをPNGで保存…</translation>
    </message>
    <message>
        <source>Pain (0–10)</source>
        <translation>痛み（0〜10）</translation>
    </message>
    <message>
        <source>Sessions a day</source>
        <translation>1日の回数</translation>
    </message>
    <message>
        <source>No sessions yet. After your first session, how the knee felt shows here.</source>
        <translation>まだ記録がありません。最初のセッションを終えると、ここにひざの具合が表示されます。</translation>
    </message>
    <message>
        <source>Right knee</source>
        <translation>右ひざ</translation>
    </message>
    <message>
        <source>Left knee</source>
        <translation>左ひざ</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:{colour}&apos;&gt;{knee}&lt;/b&gt;: &lt;span style=&apos;color:{colour}&apos;&gt;━━&lt;/span&gt; monthly average before a session, &lt;span style=&apos;color:{colour}&apos;&gt;╍╍&lt;/span&gt; after</source>
        <translation>&lt;b style=&apos;color:{colour}&apos;&gt;{knee}&lt;/b&gt;：&lt;span style=&apos;color:{colour}&apos;&gt;━━&lt;/span&gt; セッション前の月平均、&lt;span style=&apos;color:{colour}&apos;&gt;╍╍&lt;/span&gt; セッション後の月平均</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:{colour}&apos;&gt;{knee}&lt;/b&gt;: &lt;span style=&apos;color:{colour}&apos;&gt;●&lt;/span&gt; before a session, &lt;span style=&apos;color:{colour}&apos;&gt;○&lt;/span&gt; after; &lt;span style=&apos;color:{colour}&apos;&gt;━━&lt;/span&gt; weekly average before, &lt;span style=&apos;color:{colour}&apos;&gt;╍╍&lt;/span&gt; after</source>
        <translation>&lt;b style=&apos;color:{colour}&apos;&gt;{knee}&lt;/b&gt;：&lt;span style=&apos;color:{colour}&apos;&gt;●&lt;/span&gt; セッション前、&lt;span style=&apos;color:{colour}&apos;&gt;○&lt;/span&gt; セッション後／&lt;span style=&apos;color:{colour}&apos;&gt;━━&lt;/span&gt; 週平均（前）、&lt;span style=&apos;color:{colour}&apos;&gt;╍╍&lt;/span&gt; 週平均（後）</translation>
    </message>
    <message>
        <source>target: 1–2 a day</source>
        <translation>目標：1日1〜2回</translation>
    </message>
    <message>
        <source>This week and last week</source>
        <translation>今週と先週</translation>
    </message>
    <message>
        <source>The history could not be read. {problem}</source>
        <translation>記録を読み込めませんでした。{problem}</translation>
    </message>
    <message>
        <source>Reading your history…</source>
        <translation>これまでの記録を読み込んでいます…</translation>
    </message>
    <message>
        <source>Chart of pain and sessions over time</source>
        <translation>痛みと回数の推移のグラフ</translation>
    </message>
    <message>
        <source>ddd d</source>
        <translation>d日(ddd)</translation>
    </message>
    <message>
        <source>MMM d</source>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>MMM</source>
        <translation>M月</translation>
    </message>
    <message>
        <source>yyyy</source>
        <translation>yyyy年</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>今週</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>先週</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>セッション数</translation>
    </message>
    <message>
        <source>Days practised</source>
        <translation>行った日数</translation>
    </message>
    <message>
        <source>{days} of {total}</source>
        <translation>{total}日中{days}日</translation>
    </message>
    <message>
        <source>Days with 1–2 sessions</source>
        <translation>1日1〜2回できた日数</translation>
    </message>
    <message>
        <source>Right knee, before</source>
        <translation>右ひざ（セッション前）</translation>
    </message>
    <message>
        <source>Right knee, after</source>
        <translation>右ひざ（セッション後）</translation>
    </message>
    <message>
        <source>Left knee, before</source>
        <translation>左ひざ（セッション前）</translation>
    </message>
    <message>
        <source>Left knee, after</source>
        <translation>左ひざ（セッション後）</translation>
    </message>
    <message>
        <source>{name}: this week {this}, last week {last}</source>
        <translation>{name}：今週 {this}、先週 {last}</translation>
    </message>
    <message>
        <source>Average pain, 0–10.</source>
        <translation>ひざの行は痛みの平均（0〜10）です。</translation>
    </message>
    <message numerus="yes">
        <source>Practised %n day(s) in a row.</source>
        <translation>
            <numerusform>%n日続けて行っています。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{when}  (%n session(s) that day)</source>
        <translation>
            <numerusform>{when}（この日は%n回）</numerusform>
        </translation>
    </message>
    <message>
        <source>No practice today or yesterday yet.</source>
        <translation>今日も昨日もまだ行っていません。</translation>
    </message>
    <message>
        <source>{knee}: {points:.1f} points less pain than last week.</source>
        <translation>{knee}：先週より痛みが{points:.1f}点軽くなりました。</translation>
    </message>
    <message>
        <source>{knee}: {points:.1f} points more pain than last week.</source>
        <translation>{knee}：先週より痛みが{points:.1f}点強くなりました。</translation>
    </message>
    <message>
        <source>{knee}: the same as last week.</source>
        <translation>{knee}：先週と変わりません。</translation>
    </message>
    <message>
        <source>{month}: {rate:.1f} sessions a day</source>
        <translation>{month}：1日平均{rate:.1f}回</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>Week of {day}: {rate:.1f} sessions a day</source>
        <translation>{day}からの週：1日平均{rate:.1f}回</translation>
    </message>
    <message>
        <source>Right knee: {before} → {after}</source>
        <translation>右ひざ：{before} → {after}</translation>
    </message>
    <message>
        <source>Left knee: {before} → {after}</source>
        <translation>左ひざ：{before} → {after}</translation>
    </message>
    <message>
        <source>knee-coach-chart-{day}.png</source>
        <translation>KneeCoach-グラフ-{day}.png</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>グラフをPNGで保存</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG画像 (*.png)</translation>
    </message>
    <message>
        <source>The image could not be saved to {path}.</source>
        <translation>画像を {path} に保存できませんでした。</translation>
    </message>
    <message>
        <source>Aim for once or twice a day. Many people notice a change after one to two weeks of daily practice; it varies from person to person. See a clinic if there is no improvement or it gets worse, and stop at once if the pain is sharp or the knee is swollen or hot.</source>
        <translation>1日1〜2回を目安に行いましょう。変化を感じるまでの期間には個人差がありますが、毎日続けて1〜2週間で変わってくる人が多いです。改善が見られない、または悪化するときは病院や治療院で診てもらいましょう。鋭い痛みや腫れ、熱感があるときはすぐに中止してください。</translation>
    </message>
</context>
<context>
    <name>IllustrationPanel</name>
    <message>
        <source>Movement</source>
        <translation>動き</translation>
    </message>
    <message>
        <source>Press points</source>
        <translation>押す位置</translation>
    </message>
</context>
<context>
    <name>KneeView</name>
    <message>
        <source>Right leg</source>
        <translation>右脚</translation>
    </message>
    <message>
        <source>Left leg</source>
        <translation>左脚</translation>
    </message>
    <message>
        <source>Seen from behind</source>
        <translation>後ろから見たところ</translation>
    </message>
    <message>
        <source>Inner</source>
        <translation>内側</translation>
    </message>
    <message>
        <source>Outer</source>
        <translation>外側</translation>
    </message>
    <message>
        <source>Do not press</source>
        <translation>押さない</translation>
    </message>
    <message>
        <source>inner tendon just above the knee</source>
        <translation>ひざのすぐ上、内側の腱</translation>
    </message>
    <message>
        <source>outer tendon just above the knee</source>
        <translation>ひざのすぐ上、外側の腱</translation>
    </message>
    <message>
        <source>just inside the centre of the knee crease</source>
        <translation>ひざ裏の中央より少し内側</translation>
    </message>
    <message>
        <source>just outside the centre of the knee crease</source>
        <translation>ひざ裏の中央より少し外側</translation>
    </message>
    <message>
        <source>Back of the right knee: press points</source>
        <translation>右ひざの裏：押さえる位置</translation>
    </message>
    <message>
        <source>Back of the left knee: press points</source>
        <translation>左ひざの裏：押さえる位置</translation>
    </message>
    <message>
        <source>Press now: {points}.</source>
        <translation>いま押さえる位置：{points}。</translation>
    </message>
    <message>
        <source>Never press the centre of the crease: nerves and vessels run there.</source>
        <translation>ひざ裏の中央は押さないでください。神経や血管が通っています。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Close Knee Coach?</source>
        <translation>Knee Coach を閉じますか？</translation>
    </message>
    <message>
        <source>Keep Knee Coach running in the tray so your reminders still come, or quit it?</source>
        <translation>リマインダーが届くように Knee Coach をトレイに残しますか？それとも終了しますか？</translation>
    </message>
    <message>
        <source>Keep in tray</source>
        <translation>トレイに残す</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Remember my choice (change it in Settings)</source>
        <translation>この選択を記憶する（設定で変更できます）</translation>
    </message>
    <message numerus="yes">
        <source>The session of {when} was interrupted; the %n set(s) done were kept.</source>
        <translation>
            <numerusform>{when}のセッションは途中で終わりました。終えた%nセットは記録に残っています。</numerusform>
        </translation>
    </message>
    <message>
        <source>The settings file could not be read, so the defaults are used; it was kept as {name}.</source>
        <translation>設定ファイルを読み込めなかったため、初期設定を使っています。元のファイルは {name} として残してあります。</translation>
    </message>
    <message>
        <source>Language of the window</source>
        <translation>画面の表示言語</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>設定を保存できませんでした</translation>
    </message>
    <message>
        <source>Could not save the settings: {error}</source>
        <translation>設定を保存できませんでした：{error}</translation>
    </message>
    <message>
        <source>Opening the history…</source>
        <translation>記録を開いています…</translation>
    </message>
    <message>
        <source>Stop the session?</source>
        <translation>セッションを終了しますか？</translation>
    </message>
</context>
<context>
    <name>MovementView</name>
    <message>
        <source>Preview: one slow rep</source>
        <translation>お手本：ゆっくり 1 回</translation>
    </message>
    <message>
        <source>Still picture: from the faint leg to the solid one</source>
        <translation>静止画：薄い脚から濃い脚へ動かします</translation>
    </message>
    <message>
        <source>Right leg, from the side</source>
        <translation>右脚（横から見たところ）</translation>
    </message>
    <message>
        <source>Left leg, from the side</source>
        <translation>左脚（横から見たところ）</translation>
    </message>
    <message>
        <source>How to move the leg</source>
        <translation>脚の動かし方</translation>
    </message>
    <message>
        <source>Fingers hooked on the tendon just above the back of the knee; the knee bends and straightens slowly.</source>
        <translation>指をひざ裏のすぐ上の腱に引っ掛け、ひざをゆっくり曲げ伸ばしします。</translation>
    </message>
    <message>
        <source>Both thumbs either side of the centre of the back of the knee; the lower leg swings up straight and falls back loosely.</source>
        <translation>両手の親指をひざ裏の中央の両脇に当て、すねを伸ばすように振り上げ、力を抜いてぶらんと戻します。</translation>
    </message>
</context>
<context>
    <name>PreventionDialog</name>
    <message>
        <source>Beyond the routines</source>
        <translation>セルフケアのほかに</translation>
    </message>
</context>
<context>
    <name>PreventionPanel</name>
    <message>
        <source>Mind your posture and the way you walk, every day.</source>
        <translation>ふだんの姿勢や歩き方に気を配りましょう。</translation>
    </message>
    <message>
        <source>Keep your weight in check.</source>
        <translation>体重を適正に保ちましょう。</translation>
    </message>
    <message>
        <source>Strengthen the muscles at the front and the back of the thigh, in balance.</source>
        <translation>太ももの前と後ろの筋肉を、バランスよくきたえましょう。</translation>
    </message>
    <message>
        <source>Stay flexible.</source>
        <translation>体の柔軟性を保ちましょう。</translation>
    </message>
    <message>
        <source>Beyond the routines: to help keep the pain from coming back</source>
        <translation>セルフケアのほかに：痛みをくり返さないために</translation>
    </message>
</context>
<context>
    <name>RatingRow</name>
    <message>
        <source>{title}: not rated</source>
        <translation>{title}：未評価</translation>
    </message>
    <message>
        <source>{title}: {value} of {max}</source>
        <translation>{title}：{max} 段階中 {value}</translation>
    </message>
    <message>
        <source>{min} means {low}, {max} means {high}. Type a number or use the arrow keys.</source>
        <translation>{min} は{low}、{max} は{high}。数字キーか矢印キーで選べます。</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <source>Start a session</source>
        <translation>セッションを始める</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Report for your clinician</source>
        <translation>医療者向けレポート</translation>
    </message>
    <message>
        <source>A one- or two-page summary of your practice and ratings to show a clinic or a physiotherapist. It stays on this computer until you save or print it.</source>
        <translation>実践の記録と評価を1〜2ページにまとめ、病院・クリニックや理学療法士に見せられるようにします。保存または印刷するまで、このコンピューターの外には出ません。</translation>
    </message>
    <message>
        <source>Since the first session</source>
        <translation>最初のセッションから</translation>
    </message>
    <message>
        <source>The last 4 weeks</source>
        <translation>直近4週間</translation>
    </message>
    <message>
        <source>The last 12 weeks</source>
        <translation>直近12週間</translation>
    </message>
    <message>
        <source>Dates I choose</source>
        <translation>日付を指定</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期間(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>開始日(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>終了日(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Name (optional):</source>
        <translation>氏名（任意）(&amp;N):</translation>
    </message>
    <message>
        <source>Left off the report when empty</source>
        <translation>空欄ならレポートに載せません</translation>
    </message>
    <message>
        <source>&amp;Language of the report:</source>
        <translation>レポートの言語(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>PDFで保存(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>印刷(&amp;P)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>The period ends before it starts: please check the dates.</source>
        <translation>期間の終了日が開始日より前です。日付を確かめてください。</translation>
    </message>
    <message>
        <source>The history could not be read: {error}</source>
        <translation>記録を読み込めませんでした: {error}</translation>
    </message>
    <message>
        <source>knee-report-{day}.pdf</source>
        <translation>ひざレポート-{day}.pdf</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>レポートをPDFで保存</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDFファイル (*.pdf)</translation>
    </message>
    <message>
        <source>The report could not be written to {path}: {error}</source>
        <translation>レポートを {path} に書き込めませんでした: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Saved: {path} (%n page(s))</source>
        <translation>
            <numerusform>保存しました: {path}（%nページ）</numerusform>
        </translation>
    </message>
    <message>
        <source>Print the report</source>
        <translation>レポートを印刷</translation>
    </message>
    <message>
        <source>The report could not be printed: {error}</source>
        <translation>レポートを印刷できませんでした: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Sent to the printer (%n page(s)).</source>
        <translation>
            <numerusform>プリンターに送りました（%nページ）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Report not made</source>
        <translation>レポートを作成できませんでした</translation>
    </message>
</context>
<context>
    <name>SafetyPage</name>
    <message>
        <source>Before you start: a quick safety check</source>
        <translation>始める前に：安全の確認</translation>
    </message>
    <message>
        <source>Today, do you have any of these in the knee?</source>
        <translation>今日、ひざに次のような症状はありますか？</translation>
    </message>
    <message>
        <source>Start the session</source>
        <translation>セッションを始める</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>Not today: please have the knee checked</source>
        <translation>今日はお休みして、ひざを診てもらいましょう</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>最初の画面へ</translation>
    </message>
</context>
<context>
    <name>SessionFlow</name>
    <message>
        <source>This session could not be saved to the history: {error}</source>
        <translation>このセッションを記録に保存できませんでした：{error}</translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message>
        <source>Progress through the session</source>
        <translation>セッションの進み具合</translation>
    </message>
    <message>
        <source>Progress through this rep</source>
        <translation>この回の進み具合</translation>
    </message>
    <message>
        <source>Current set</source>
        <translation>今のセット</translation>
    </message>
    <message>
        <source>Count a rep  (Space)</source>
        <translation>1回カウント（Space）</translation>
    </message>
    <message>
        <source>Skip  (→)</source>
        <translation>スキップ（→）</translation>
    </message>
    <message>
        <source>Stop  (Esc)</source>
        <translation>終了（Esc）</translation>
    </message>
    <message>
        <source>Stop: it hurts  (H)</source>
        <translation>痛いので中止（H）</translation>
    </message>
    <message>
        <source>Ends the session at once and shows safety advice</source>
        <translation>すぐにセッションを終え、安全のためのアドバイスを表示します</translation>
    </message>
    <message>
        <source>Set {n} of {total}</source>
        <translation>セット {n}/{total}</translation>
    </message>
    <message>
        <source>Resume  (Space)</source>
        <translation>再開（Space）</translation>
    </message>
    <message>
        <source>Pause  (Space)</source>
        <translation>一時停止（Space）</translation>
    </message>
    <message>
        <source>Resume  (P)</source>
        <translation>再開（P）</translation>
    </message>
    <message>
        <source>Pause  (P)</source>
        <translation>一時停止（P）</translation>
    </message>
    <message>
        <source>Get ready</source>
        <translation>準備してください</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>聞いてください</translation>
    </message>
    <message>
        <source>Starting in</source>
        <translation>まもなく開始</translation>
    </message>
    <message>
        <source>At your own pace</source>
        <translation>自分のペースで</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <source>Press P or the Resume button to go on.</source>
        <translation>続けるときは P キーか「再開」ボタンを押してください。</translation>
    </message>
    <message>
        <source>Press Space to go on. The rep you were on starts again.</source>
        <translation>Space キーで再開します。途中だった1回は最初からやり直します。</translation>
    </message>
    <message>
        <source>Get ready: {seconds} s</source>
        <translation>準備：あと {seconds} 秒</translation>
    </message>
    <message>
        <source>Starting in {count}</source>
        <translation>開始まで {count}</translation>
    </message>
    <message>
        <source>Rep {rep} of {reps}</source>
        <translation>{reps} 回中 {rep} 回目</translation>
    </message>
    <message>
        <source>{done} of {reps} reps done</source>
        <translation>{reps} 回中 {done} 回済み</translation>
    </message>
    <message>
        <source>Next: how the knee feels afterwards</source>
        <translation>次：終わったあとのひざの具合</translation>
    </message>
    <message>
        <source>Next: {routine}</source>
        <translation>次：{routine}</translation>
    </message>
    <message>
        <source>Next: {set}</source>
        <translation>次：{set}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Reps per set</source>
        <translation>1セットの回数</translation>
    </message>
    <message>
        <source>Seconds per rep</source>
        <translation>1回の秒数</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>セッション</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>音</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>リマインダー</translation>
    </message>
    <message>
        <source>General</source>
        <translation>全般</translation>
    </message>
    <message>
        <source>Legs and pacing</source>
        <translation>脚とペース</translation>
    </message>
    <message>
        <source>Both legs</source>
        <translation>両脚</translation>
    </message>
    <message>
        <source>Right leg</source>
        <translation>右脚</translation>
    </message>
    <message>
        <source>Left leg</source>
        <translation>左脚</translation>
    </message>
    <message>
        <source>The app paces each rep</source>
        <translation>アプリがテンポを取る</translation>
    </message>
    <message>
        <source>I count each rep with Space</source>
        <translation>自分で Space キーを押して数える</translation>
    </message>
    <message>
        <source>Show the movement as still pictures</source>
        <translation>動きを静止画で表示する</translation>
    </message>
    <message>
        <source>Key poses instead of a moving leg; also when the desktop asks for less motion</source>
        <translation>動く脚の代わりに要所の姿勢を表示します。デスクトップが動きを減らす設定のときも同様です</translation>
    </message>
    <message>
        <source>Cues</source>
        <translation>合図</translation>
    </message>
    <message>
        <source>Play sound cues</source>
        <translation>合図の音を鳴らす</translation>
    </message>
    <message>
        <source>When the voice is off, let the screen reader say each rep&apos;s number</source>
        <translation>音声がオフのとき、回数をスクリーンリーダーに読み上げさせる</translation>
    </message>
    <message>
        <source>Full for your first {n} sessions, then short</source>
        <translation>最初の{n}回は詳しく、その後は短く</translation>
    </message>
    <message>
        <source>Full: what to do, the first time it comes</source>
        <translation>詳しく：初めての動作はやり方まで</translation>
    </message>
    <message>
        <source>Short: which leg and side only</source>
        <translation>短く：脚と側だけ</translation>
    </message>
    <message>
        <source>Off: a tone announces each set</source>
        <translation>なし：各セットの始まりは音だけ</translation>
    </message>
    <message>
        <source>Spoken instructions</source>
        <translation>音声での説明</translation>
    </message>
    <message>
        <source>Everything the sounds say is also shown on screen. While the voice gives an instruction, the count-in waits for it.</source>
        <translation>音で伝えることは、すべて画面にも表示されます。音声が説明している間は、カウントを始めずに待ちます。</translation>
    </message>
    <message>
        <source>{slot}: time</source>
        <translation>{slot}：時刻</translation>
    </message>
    <message>
        <source>Window and tray</source>
        <translation>ウィンドウとトレイ</translation>
    </message>
    <message>
        <source>Ask each time</source>
        <translation>毎回たずねる</translation>
    </message>
    <message>
        <source>Keep running in the tray (reminders still come)</source>
        <translation>トレイで動かし続ける（リマインダーは届きます）</translation>
    </message>
    <message>
        <source>Quit Knee Coach</source>
        <translation>Knee Coach を終了する</translation>
    </message>
    <message>
        <source>Start hidden in the tray</source>
        <translation>ウィンドウを出さずにトレイで起動する</translation>
    </message>
    <message>
        <source>Closing the window</source>
        <translation>ウィンドウを閉じたとき</translation>
    </message>
    <message>
        <source>No system tray was found: closing the window quits.</source>
        <translation>システムトレイが見つかりません。ウィンドウを閉じると終了します。</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>ログイン時に起動</translation>
    </message>
    <message>
        <source>Start Knee Coach in the tray when I log in, so reminders come</source>
        <translation>ログイン時に Knee Coach をトレイで起動し、リマインダーを受け取る</translation>
    </message>
    <message>
        <source>Starting at login is not available on this system yet; add Knee Coach to your startup programs by hand if you want it.</source>
        <translation>このシステムでは、ログイン時の起動をまだ設定できません。必要なら、Knee Coach を手動でスタートアップに追加してください。</translation>
    </message>
    <message>
        <source>Both reminders are set for {time}. Choose different times, or turn one off.</source>
        <translation>2つのリマインダーがどちらも{time}になっています。別の時刻にするか、どちらかをオフにしてください。</translation>
    </message>
    <message>
        <source>Legs</source>
        <translation>行う脚</translation>
    </message>
    <message>
        <source>Pacing</source>
        <translation>ペース</translation>
    </message>
    <message>
        <source>Count aloud with a voice, when one is available</source>
        <translation>音声が使えるときは、声で回数を数える</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent}%</translation>
    </message>
    <message>
        <source>Daily reminders</source>
        <translation>毎日のリマインダー</translation>
    </message>
    <message>
        <source>A reminder appears as a message from the Knee Coach icon in the system tray; click it to check in and start.</source>
        <translation>リマインダーは、システムトレイの Knee Coach アイコンからメッセージで届きます。クリックすると、具合の記録から始められます。</translation>
    </message>
    <message>
        <source>No system tray was found, so a reminder brings the Knee Coach window to the front instead.</source>
        <translation>システムトレイが見つからないため、リマインダーの時刻には Knee Coach のウィンドウを前面に表示します。</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>システムの設定に合わせる</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>About 10 per set is a good start; add more as it gets easy.</source>
        <translation>1セット10回前後から始めて、慣れてきたら回数を増やしてもかまいません。</translation>
    </message>
    <message>
        <source>This setting cannot be used: {error}</source>
        <translation>この設定は使えません：{error}</translation>
    </message>
    <message>
        <source>Do the routines once or twice a day, at regular times that are easy to keep, such as after waking or before bed. Knee Coach reminds you while it is running.</source>
        <translation>朝起きたときや寝る前など、続けやすい決まった時間に、1日1〜2回行いましょう。Knee&#xa0;Coach は起動している間、時間になるとお知らせします。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>働き</translation>
    </message>
    <message>
        <source>Next or previous control</source>
        <translation>次または前の項目へ</translation>
    </message>
    <message>
        <source>0 … 9, then 1 0 for 10</source>
        <translation>0〜9（10 は 1 のあと 0）</translation>
    </message>
    <message>
        <source>Check-in: rate the row in focus</source>
        <translation>チェックイン：選んでいる行を評価</translation>
    </message>
    <message>
        <source>Check-in: a rating one lower or higher</source>
        <translation>チェックイン：評価を 1 つ下げる／上げる</translation>
    </message>
    <message>
        <source>Check-in: continue</source>
        <translation>チェックイン：次へ</translation>
    </message>
    <message>
        <source>Session: pause or resume (count a rep at your own pace)</source>
        <translation>セッション：一時停止／再開（自分のペースでは 1 回を数える）</translation>
    </message>
    <message>
        <source>Session: pause or resume</source>
        <translation>セッション：一時停止／再開</translation>
    </message>
    <message>
        <source>Session: skip to what comes next</source>
        <translation>セッション：次へ飛ばす</translation>
    </message>
    <message>
        <source>Session: stop (the sets done are kept)</source>
        <translation>セッション：中止（済んだセットは残ります）</translation>
    </message>
    <message>
        <source>Session: stop because it hurts</source>
        <translation>セッション：痛むので中止</translation>
    </message>
    <message>
        <source>Media keys: play/pause, next, stop</source>
        <translation>メディアキー：再生／一時停止、次へ、停止</translation>
    </message>
    <message>
        <source>Session: pause or resume, skip, stop</source>
        <translation>セッション：一時停止／再開、飛ばす、中止</translation>
    </message>
    <message>
        <source>History and weekly review</source>
        <translation>記録と週のふり返り</translation>
    </message>
    <message>
        <source>This list of keyboard shortcuts</source>
        <translation>このキーボードショートカット一覧</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
</context>
<context>
    <name>SoundOutput</name>
    <message>
        <source>Sound is unavailable: {error}</source>
        <translation>音を出せません：{error}</translation>
    </message>
</context>
<context>
    <name>StopAdvicePage</name>
    <message>
        <source>Stopped: it hurt</source>
        <translation>痛みのため中止しました</translation>
    </message>
    <message>
        <source>Note how the knee feels now</source>
        <translation>いまのひざの具合を記録する</translation>
    </message>
    <message>
        <source>Go to the summary</source>
        <translation>結果へ進む</translation>
    </message>
    <message>
        <source>What you did before stopping is kept. Sets: {sets}, reps: {reps}.</source>
        <translation>中止するまでに行った分は記録に残っています（セット数：{sets}、回数：{reps}）。</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>History</source>
        <translation>記録</translation>
    </message>
    <message>
        <source>Well done: session complete</source>
        <translation>お疲れさまでした。セッション完了です</translation>
    </message>
    <message>
        <source>Session stopped because it hurt</source>
        <translation>痛みのためセッションを中止しました</translation>
    </message>
    <message>
        <source>Session stopped</source>
        <translation>セッションを終了しました</translation>
    </message>
    <message>
        <source>No reps done: this does not count as practice</source>
        <translation>1 回も行っていないため、実践には数えません</translation>
    </message>
    <message numerus="yes">
        <source>%n rep(s) in {minutes} min.</source>
        <translation>
            <numerusform>合計 %n 回・{minutes} 分</numerusform>
        </translation>
    </message>
    <message>
        <source>{before} → {after}  ({change})</source>
        <translation>{before} → {after}（{change}）</translation>
    </message>
    <message>
        <source>Tightness or catching</source>
        <translation>張り・詰まり感</translation>
    </message>
    <message>
        <source>The knee hurts more than before. Rest it today; if it stays worse, see a clinic or a physiotherapist.</source>
        <translation>始める前より痛みが強くなっています。今日はひざを休ませ、痛みが続くようなら病院や治療院で診てもらってください。</translation>
    </message>
    <message>
        <source>Right knee: pain</source>
        <translation>右ひざの痛み</translation>
    </message>
    <message>
        <source>Left knee: pain</source>
        <translation>左ひざの痛み</translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n rep(s)</source>
        <translation>
            <numerusform>%n 回中 {done} 回</numerusform>
        </translation>
    </message>
    <message>
        <source>Many people notice a change after one to two weeks of daily practice; it varies from person to person. Keep going once or twice a day, at times that are easy to keep.</source>
        <translation>変化を感じるまでの期間には個人差がありますが、毎日続けて1〜2週間で変わってくる人が多いです。続けやすい時間に、1日1〜2回続けましょう。</translation>
    </message>
    <message numerus="yes">
        <source>Right knee: your pain rating is %n point(s) lower than before the session.</source>
        <translation>
            <numerusform>右ひざ：痛みの点数が、始める前より%n点下がりました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left knee: your pain rating is %n point(s) lower than before the session.</source>
        <translation>
            <numerusform>左ひざ：痛みの点数が、始める前より%n点下がりました。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Start a session</source>
        <translation>セッションを始める</translation>
    </message>
    <message>
        <source>Hide window</source>
        <translation>ウィンドウを隠す</translation>
    </message>
    <message>
        <source>History</source>
        <translation>記録</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>設定…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Show window</source>
        <translation>ウィンドウを表示</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Report for your clinician…</source>
        <translation>医療者向けレポート(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Export history as CSV…</source>
        <translation>記録をCSVに書き出す(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import history from CSV…</source>
        <translation>CSVから記録を読み込む(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;History and weekly review</source>
        <translation>記録と週のふり返り(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Beyond the routines…</source>
        <translation>セルフケアのほかに…(&amp;B)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>{app} cannot lock its data folder {folder}: {error}</source>
        <translation>{app} のデータフォルダー {folder} をロックできません：{error}</translation>
    </message>
    <message>
        <source>{app} is already running with the data folder {folder}, but it does not answer. Close it (or end it in the task manager) and try again.</source>
        <translation>{app} はすでにデータフォルダー {folder} で起動していますが、応答がありません。そちらを閉じて（またはタスクマネージャーで終了して）から、もう一度お試しください。</translation>
    </message>
</context>
<context>
    <name>audio</name>
    <message>
        <source>No sound device found: follow the cues on screen.</source>
        <translation>音声の出力先が見つかりません。画面の表示に合わせて進めてください。</translation>
    </message>
    <message>
        <source>No voice for this language: counting with tones.</source>
        <translation>この言語の音声がないため、合図の音で数えます。</translation>
    </message>
    <message>
        <source>No voice for this language and tones are off: follow the screen.</source>
        <translation>この言語の音声がなく、合図の音もオフです。画面の表示に合わせて進めてください。</translation>
    </message>
</context>
<context>
    <name>csv</name>
    <message>
        <source>The file is empty: it has no header line.</source>
        <translation>ファイルが空です。見出しの行がありません。</translation>
    </message>
    <message>
        <source>Line {line}, character {column}: the file is not UTF-8 text (byte {byte}). Save it as “CSV UTF-8” and try again.</source>
        <translation>{line}行目、{column}文字目：ファイルが UTF-8 のテキストではありません（バイト {byte}）。「CSV UTF-8」形式で保存して、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Line {line}, column {column}: the header should say “{expected}” here but says “{found}”. This is not a Knee Coach history file, or it was changed.</source>
        <translation>{line}行目、{column}列目：見出しは「{expected}」のはずですが、「{found}」になっています。Knee Coach の記録ファイルではないか、内容が変更されています。</translation>
    </message>
    <message>
        <source>Line {line}, column {column}: the row has {found} columns instead of {expected}. The file may be cut short or changed.</source>
        <translation>{line}行目、{column}列目：列の数が{expected}ではなく{found}です。ファイルが途中で切れているか、変更されている可能性があります。</translation>
    </message>
    <message>
        <source>Line {line}, column {column}: the file cannot be read as CSV ({detail}).</source>
        <translation>{line}行目、{column}列目：CSVとして読み込めません（{detail}）。</translation>
    </message>
    <message>
        <source>Line {line}, column {column} ({name}): “{value}” is not a date and time like 2026-05-01T07:30:00+09:00.</source>
        <translation>{line}行目、{column}列目（{name}）：「{value}」は 2026-05-01T07:30:00+09:00 のような日時ではありません。</translation>
    </message>
    <message>
        <source>Line {line}, column {column} ({name}): the session ends before it starts.</source>
        <translation>{line}行目、{column}列目（{name}）：セッションの終了が開始より前になっています。</translation>
    </message>
    <message>
        <source>Line {line}, column {column} ({name}): a value is needed.</source>
        <translation>{line}行目、{column}列目（{name}）：値が必要です。</translation>
    </message>
    <message>
        <source>Line {line}, column {column} ({name}): “{value}” is not one of {choices}.</source>
        <translation>{line}行目、{column}列目（{name}）：「{value}」は {choices} のいずれでもありません。</translation>
    </message>
    <message>
        <source>Line {line}, column {column} ({name}): “{value}” is not a rating; use a whole number from 0 to 10.</source>
        <translation>{line}行目、{column}列目（{name}）：「{value}」は評価として使えません。0〜10の整数にしてください。</translation>
    </message>
    <message>
        <source>Line {line}, column {column} ({name}): “{value}” is not a number of reps (a whole number from 0 to {max}).</source>
        <translation>{line}行目、{column}列目（{name}）：「{value}」は回数として使えません（0〜{max}の整数）。</translation>
    </message>
    <message>
        <source>Line {line}, column {column} ({name}): the note is longer than {max} characters.</source>
        <translation>{line}行目、{column}列目（{name}）：メモが{max}文字を超えています。</translation>
    </message>
    <message>
        <source>The file cannot be read: {detail}</source>
        <translation>ファイルを読み込めません：{detail}</translation>
    </message>
    <message>
        <source>{path} is not a regular file (but a folder, a device or a pipe); choose a CSV file saved on disk.</source>
        <translation>{path} は通常のファイルではありません（フォルダ、デバイス、パイプのいずれかです）。ディスクに保存されたCSVファイルを選んでください。</translation>
    </message>
    <message>
        <source>Line {line}, column {column}: the line is longer than {max} bytes; no Knee Coach history has lines this long.</source>
        <translation>{line}行目、{column}列目：行の長さが{max}バイトを超えています。Knee Coachの記録にこれほど長い行はありません。</translation>
    </message>
    <message>
        <source>Line {line}, column {column} ({name}): the cell holds a NUL character, which is not text.</source>
        <translation>{line}行目、{column}列目（{name}）：セルにNUL文字が含まれています。これは文字ではありません。</translation>
    </message>
</context>
<context>
    <name>guidance</name>
    <message>
        <source>If your knee hurts at any point, press H to stop, or your headset&apos;s pause button to pause.</source>
        <translation>とちゅうで ひざが いたくなったら、エイチキーを おして ちゅうし するか、ヘッドセットの いちじていし ボタンを おしてください。</translation>
    </message>
    <message>
        <source>Now bend and straighten each knee once, notice how it feels, and rate it on the screen.</source>
        <translation>それぞれの ひざを いちど まげのばし して、いまの かんじを たしかめてから、がめんで こたえてください。</translation>
    </message>
    <message>
        <source>Sit, or lie on your back, and raise the knee or lift the leg a little.</source>
        <translation>すわるか、あおむけに なって、かたほうの ひざを たてるか、あしを かるく もちあげてください。</translation>
    </message>
    <message>
        <source>Sit with the knee slightly bent.</source>
        <translation>すわって、ひざを かるく まげてください。</translation>
    </message>
    <message>
        <source>With each tone, slowly bend, then straighten the knee, drawing the muscle up as the leg straightens.</source>
        <translation>おとに あわせて、ひざを ゆっくり まげて、のばします。のばしながら、きんにくを ひきあげるように します。</translation>
    </message>
    <message>
        <source>Hook your fingers on the tendon on the inner side, at the back of the thigh just above the knee. Keep a light, steady pressure.</source>
        <translation>ひざの すぐうえ、ふとももの うらの うちがわの けんに、ゆびを ひっかけてください。かるく、いっていの ちからで おさえつづけます。</translation>
    </message>
    <message>
        <source>Move your fingers to the tendon on the outer side. Keep the same light, steady pressure.</source>
        <translation>ゆびを そとがわの けんに うつしてください。おなじ かるい ちからで、おさえつづけます。</translation>
    </message>
    <message>
        <source>Press with both thumbs just inside and just outside the centre of the back of the knee.</source>
        <translation>さゆうの おやゆびで、ひざうらの ちゅうおうの すこし うちがわと、すこし そとがわを おさえます。</translation>
    </message>
    <message>
        <source>Never press the centre itself: nerves and blood vessels run there.</source>
        <translation>ちゅうおうを ぜったいに おさないでください。しんけいや けっかんが とおっています。</translation>
    </message>
    <message>
        <source>Keep pressing, lifting gently diagonally upward, and with each tone straighten the knee and let the lower leg swing loosely.</source>
        <translation>おさえたまま、かるく ななめうえに ひきあげ、おとに あわせて ひざを のばし、ひざから したを ぶらんと ふります。</translation>
    </message>
    <message>
        <source>Look for the spot that hurts in a good way. If pressing gives strong pain, stop.</source>
        <translation>いたきもちいい ところを さがしてください。おして つよい いたみが でたら、ちゅうし してください。</translation>
    </message>
</context>
<context>
    <name>reminders</name>
    <message>
        <source>After waking</source>
        <translation>起床後</translation>
    </message>
    <message>
        <source>Before bed</source>
        <translation>就寝前</translation>
    </message>
    <message>
        <source>Time for your knee routine</source>
        <translation>ひざのセルフケアの時間です</translation>
    </message>
    <message>
        <source>The after-waking reminder ({time}) came while the computer was asleep. Click to check in and start when you are ready.</source>
        <translation>起床後のリマインダー（{time}）は、コンピューターのスリープ中に届きました。準備ができたら、クリックして具合を記録し、始めましょう。</translation>
    </message>
    <message>
        <source>The before-bed reminder ({time}) came while the computer was asleep. Click to check in and start when you are ready.</source>
        <translation>就寝前のリマインダー（{time}）は、コンピューターのスリープ中に届きました。準備ができたら、クリックして具合を記録し、始めましょう。</translation>
    </message>
    <message>
        <source>{moment}, {time}. Click to check in and start a session.</source>
        <translation>{moment}（{time}）です。クリックして具合を記録し、セッションを始めましょう。</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <source>How the change is read: for each knee, the average pain rated before the sessions in the first 7 days of practice in this period is compared with the average of the last 7 days of the period. A change of at least 2 points, or of at least 30 % of the first week&apos;s average, counts as meaningful; a smaller change counts as no meaningful change. The reading needs at least 14 days of practice and at least 3 ratings in each of the two weeks. Pain is rated by the person from 0 (none) to 10 (worst imaginable).</source>
        <translation>変化の読み方：ひざごとに、この期間で実践を始めた最初の7日間にセッション前に付けた痛みの平均を、期間の最後の7日間の平均と比べます。2ポイント以上、または最初の週の平均の30 %以上の変化を意味のある変化とし、それより小さい変化は意味のある変化なしとします。判定には14日以上の実践と、比べる2つの週それぞれに3回以上の評価が必要です。痛みは本人が0（痛みなし）から10（想像できる最悪の痛み）で評価しています。</translation>
    </message>
    <message>
        <source>meaningful decrease in pain</source>
        <translation>痛みに意味のある減少</translation>
    </message>
    <message>
        <source>no meaningful change</source>
        <translation>意味のある変化なし</translation>
    </message>
    <message>
        <source>meaningful increase in pain</source>
        <translation>痛みに意味のある増加</translation>
    </message>
    <message>
        <source>not enough ratings to read a change</source>
        <translation>評価が少なく変化を判定できません</translation>
    </message>
    <message>
        <source>Knee self-care: report for the clinician</source>
        <translation>ひざのセルフケア：医療者向けレポート</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>d MMM yyyy, HH:mm</source>
        <translation>yyyy年M月d日 H:mm</translation>
    </message>
    <message>
        <source>d MMM</source>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>Right knee</source>
        <translation>右ひざ</translation>
    </message>
    <message>
        <source>Left knee</source>
        <translation>左ひざ</translation>
    </message>
    <message>
        <source>right leg</source>
        <translation>右脚</translation>
    </message>
    <message>
        <source>left leg</source>
        <translation>左脚</translation>
    </message>
    <message>
        <source>after the session</source>
        <translation>セッション後</translation>
    </message>
    <message>
        <source>before the session</source>
        <translation>セッション前</translation>
    </message>
    <message>
        <source>first week {baseline}, last 7 days {latest} ({difference}): {reading}</source>
        <translation>最初の週 {baseline}、最後の7日間 {latest}（{difference}）：{reading}</translation>
    </message>
    <message>
        <source>{number}. {title}: not done in this period</source>
        <translation>{number}. {title}：この期間は実施なし</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first}と{second}</translation>
    </message>
    <message>
        <source>{number}. {title}: {legs}; {reps} reps in all</source>
        <translation>{number}. {title}：{legs}、合計{reps}回</translation>
    </message>
    <message>
        <source>{number}. {title}: {per_set} reps a set, {legs}; {sets} sets done</source>
        <translation>{number}. {title}：1セット{per_set}回、{legs}、実施{sets}セット</translation>
    </message>
    <message>
        <source>{first} to {last} ({days} days)</source>
        <translation>{first}〜{last}（{days}日間）</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>作成日</translation>
    </message>
    <message>
        <source>the person&apos;s own records in {app}, a self-care app for pain behind the knee. Pain and tightness are rated by the person from 0 (none) to 10 (worst imaginable). This report states figures only; it is not a diagnosis.</source>
        <translation>ひざ裏の痛みのセルフケアアプリ {app} に本人が残した記録。痛みと張りは本人が0（なし）から10（想像できる最悪）で評価しています。このレポートは数値を示すだけで、診断ではありません。</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>Change over the period</source>
        <translation>期間中の変化</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>痛み</translation>
    </message>
    <message>
        <source>Tightness</source>
        <translation>張り・詰まり感</translation>
    </message>
    <message>
        <source>Compared: {a} to {b}, and {c} to {d}.</source>
        <translation>比べた期間：{a}〜{b} と {c}〜{d}。</translation>
    </message>
    <message>
        <source>{sessions} in {days} days: {per_week} a week (the routines ask for 1 to 2 a day, 7 to 14 a week)</source>
        <translation>{days}日間で{sessions}回：週{per_week}回（ルーティンの目安は1日1〜2回、週7〜14回）</translation>
    </message>
    <message>
        <source>{practised} of {days} ({on_target} with 1 or 2 sessions)</source>
        <translation>{days}日中{practised}日（うち1日1〜2回の日は{on_target}日）</translation>
    </message>
    <message>
        <source>Routines</source>
        <translation>ルーティン</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>セッション数</translation>
    </message>
    <message>
        <source>Days practised</source>
        <translation>行った日数</translation>
    </message>
    <message>
        <source>Longest run</source>
        <translation>最長の連続</translation>
    </message>
    <message>
        <source>{days} days in a row</source>
        <translation>{days}日連続</translation>
    </message>
    <message>
        <source>What was practised</source>
        <translation>実践した内容</translation>
    </message>
    <message>
        <source>{count} of {sessions} sessions: {dates}</source>
        <translation>{sessions}回中{count}回：{dates}</translation>
    </message>
    <message>
        <source>none of {sessions} sessions</source>
        <translation>なし（全{sessions}回中）</translation>
    </message>
    <message>
        <source>no safety check was recorded in this period</source>
        <translation>この期間の安全確認の記録はありません</translation>
    </message>
    <message>
        <source>{count} checks before a session; {flagged} with sharp pain, swelling or heat</source>
        <translation>セッション前の確認{count}回、うち鋭い痛み・腫れ・熱感ありは{flagged}回</translation>
    </message>
    <message>
        <source>Stopped for pain</source>
        <translation>痛みで中止</translation>
    </message>
    <message>
        <source>Safety check</source>
        <translation>安全確認</translation>
    </message>
    <message>
        <source>Stops for pain and safety answers</source>
        <translation>痛みによる中止と安全確認の回答</translation>
    </message>
    <message>
        <source>The most recent {shown} of {count} are listed.</source>
        <translation>{count}件のうち新しい{shown}件を載せています。</translation>
    </message>
    <message>
        <source>Weekly averages (0 to 10), week by week.</source>
        <translation>週ごとの平均（0〜10）。</translation>
    </message>
    <message>
        <source>Daily averages (0 to 10), day by day.</source>
        <translation>日ごとの平均（0〜10）。</translation>
    </message>
    <message>
        <source>Monthly averages (0 to 10), month by month.</source>
        <translation>月ごとの平均（0〜10）。</translation>
    </message>
    <message>
        <source>Pain before and after the sessions</source>
        <translation>セッション前後の痛み</translation>
    </message>
    <message>
        <source>No pain ratings in this period.</source>
        <translation>この期間に痛みの評価はありません。</translation>
    </message>
    <message>
        <source>Weekly averages</source>
        <translation>週ごとの平均</translation>
    </message>
    <message>
        <source>The last {weeks} weeks with sessions (the chart shows the whole period).</source>
        <translation>セッションのあった最後の{weeks}週（グラフは期間全体）。</translation>
    </message>
    <message>
        <source>No sessions in this period.</source>
        <translation>この期間にセッションはありません。</translation>
    </message>
    <message>
        <source>Week from</source>
        <translation>週の初日</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>日数</translation>
    </message>
    <message>
        <source>Right, before</source>
        <translation>右・前</translation>
    </message>
    <message>
        <source>Right, after</source>
        <translation>右・後</translation>
    </message>
    <message>
        <source>Left, before</source>
        <translation>左・前</translation>
    </message>
    <message>
        <source>Left, after</source>
        <translation>左・後</translation>
    </message>
    <message>
        <source>Tightness, before</source>
        <translation>張り・前</translation>
    </message>
    <message>
        <source>Tightness, after</source>
        <translation>張り・後</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>No notes in this period.</source>
        <translation>この期間のメモはありません。</translation>
    </message>
    <message>
        <source>The most recent {shown} of {count} notes, shortened.</source>
        <translation>メモ{count}件のうち新しい{shown}件（長いものは短縮）。</translation>
    </message>
    <message>
        <source>before the session: {note}</source>
        <translation>セッション前：{note}</translation>
    </message>
    <message>
        <source>after the session: {note}</source>
        <translation>セッション後：{note}</translation>
    </message>
    <message>
        <source>{app}, {made}: page {page} of {pages}</source>
        <translation>{app}&#x3000;{made}作成&#x3000;{page}/{pages}ページ</translation>
    </message>
</context>
<context>
    <name>routines</name>
    <message>
        <source>Hamstring glide</source>
        <translation>ハムストリングスをゆるめる</translation>
    </message>
    <message>
        <source>Sit or lie on your back. Raise one knee or lift the leg a little.</source>
        <translation>座るか仰向けになり、片方のひざを立てるか、脚を少し持ち上げます。</translation>
    </message>
    <message>
        <source>inner side</source>
        <translation>内側</translation>
    </message>
    <message>
        <source>outer side</source>
        <translation>外側</translation>
    </message>
    <message>
        <source>Bend</source>
        <translation>曲げる</translation>
    </message>
    <message>
        <source>Straighten</source>
        <translation>伸ばす</translation>
    </message>
    <message>
        <source>Popliteus release</source>
        <translation>膝窩筋（しっかきん）をほぐす</translation>
    </message>
    <message>
        <source>Sit down with the knee slightly bent.</source>
        <translation>座って、ひざを軽く曲げます。</translation>
    </message>
    <message>
        <source>both thumbs</source>
        <translation>両手の親指で</translation>
    </message>
    <message>
        <source>Thumbs either side of the centre, never on it. Look for the spot that hurts in a good way.</source>
        <translation>親指は中央の両脇に置き、中央は押さずに、
痛気持ちいい所を探してください。</translation>
    </message>
    <message>
        <source>Keep your fingers hooked on the tendon and slowly bend and straighten the knee. As the knee straightens, draw the muscle up.</source>
        <translation>指を腱に引っ掛けたまま、ひざをゆっくり曲げ伸ばしします。ひざを伸ばすときは、筋肉を引き上げるようにします。</translation>
    </message>
    <message>
        <source>Fingers hooked on the inner tendon. Keep a light, steady pressure.</source>
        <translation>内側の腱に指を引っ掛けたまま、押さえる力をゆるめないでください。</translation>
    </message>
    <message>
        <source>Fingers hooked on the outer tendon. Keep a light, steady pressure.</source>
        <translation>外側の腱に指を引っ掛けたまま、押さえる力をゆるめないでください。</translation>
    </message>
    <message>
        <source>Move slowly. Stop at once if you feel sharp pain.</source>
        <translation>ゆっくり動かしてください。鋭い痛みが出たら、すぐに中止してください。</translation>
    </message>
    <message>
        <source>Bend and straighten the knee once and notice how it has changed.</source>
        <translation>ひざを一度曲げ伸ばしして、違和感がどう変わったか確かめてください。</translation>
    </message>
    <message>
        <source>Keep pressing and slowly push the lower leg up to straighten the knee, lifting gently diagonally upward with your thumbs. Then let it swing loosely.</source>
        <translation>押さえたまま、親指で斜め上へ軽く引き上げるようにして、ひざから下をゆっくり押し上げ、ひざを伸ばします。そのあと力を抜いて、ぶらんと振ります。</translation>
    </message>
    <message>
        <source>Straighten and swing</source>
        <translation>伸ばして振る</translation>
    </message>
    <message>
        <source>Never press the centre: nerves and blood vessels run there. Stop if pressing gives strong pain.</source>
        <translation>中央は押さないでください。神経や血管が通っています。押して強い痛みが出たら中止してください。</translation>
    </message>
</context>
<context>
    <name>safety</name>
    <message>
        <source>Sharp, stabbing pain in the knee</source>
        <translation>ひざに鋭い痛み、刺すような痛みがある</translation>
    </message>
    <message>
        <source>Swelling around the knee</source>
        <translation>ひざのまわりが腫れている</translation>
    </message>
    <message>
        <source>The knee feels hot</source>
        <translation>ひざが熱をもっている（熱感がある）</translation>
    </message>
    <message>
        <source>If you have advanced knee osteoarthritis, or a doctor has limited your exercise, ask your doctor or therapist before doing these routines.</source>
        <translation>変形性膝関節症が進んでいる方や、医師から運動を制限されている方は、先に医師や治療者に相談してください。</translation>
    </message>
    <message>
        <source>If the knee does not improve, or gets worse, see a clinic or a physiotherapist.</source>
        <translation>よくならない、あるいは悪化するときは、病院や治療院で診てもらってください。</translation>
    </message>
    <message>
        <source>Please do not do the routines today. Sharp pain, swelling or heat should be checked by a professional first: contact a clinic, an orthopaedic doctor or a physiotherapist.</source>
        <translation>今日のセルフケアはお休みしてください。鋭い痛みや腫れ、熱感があるときは、まず専門家に診てもらってください。病院（整形外科）や治療院、理学療法士に相談しましょう。</translation>
    </message>
    <message>
        <source>You stopped because it hurt. That was the right thing to do. Rest the knee. If the pain is sharp, or the knee is swollen or hot, contact a professional soon.</source>
        <translation>痛みを感じてやめたのは正しい判断です。ひざを休ませてください。鋭い痛みや腫れ、熱感があるときは、早めに専門家に相談してください。</translation>
    </message>
    <message>
        <source>Next time, hook the fingers on the tendon more lightly and bend and straighten more slowly. If it hurts again, do not go on: ask a professional.</source>
        <translation>次は、腱に引っ掛ける指の力を軽くして、もっとゆっくり曲げ伸ばししてください。また痛むときは続けずに、専門家に相談してください。</translation>
    </message>
    <message>
        <source>Never press the centre of the back of the knee: nerves and blood vessels run there. Next time, press a little to the inner or outer side, gently. If it still hurts strongly, do not go on: ask a professional.</source>
        <translation>ひざ裏の中央は押さないでください。神経や血管が通っています。次は中央から少し内側か外側を、やさしく押さえてください。それでも強く痛むときは続けずに、専門家に相談してください。</translation>
    </message>
</context>
<context>
    <name>speech</name>
    <message>
        <source>Right leg</source>
        <translation>みぎあし</translation>
    </message>
    <message>
        <source>Left leg</source>
        <translation>ひだりあし</translation>
    </message>
    <message>
        <source>inner side</source>
        <translation>うちがわ</translation>
    </message>
    <message>
        <source>outer side</source>
        <translation>そとがわ</translation>
    </message>
    <message>
        <source>both thumbs</source>
        <translation>さゆうの おやゆびで</translation>
    </message>
    <message>
        <source>{leg}, {side}</source>
        <translation>{leg}、{side}</translation>
    </message>
    <message>
        <source>Next routine. {set}</source>
        <translation>つぎの セルフケアです。{set}</translation>
    </message>
    <message>
        <source>{place}.</source>
        <translation>{place}。</translation>
    </message>
    <message>
        <source>{number}, last one</source>
        <translation>{number}、ラスト</translation>
    </message>
    <message>
        <source>Well done. Session complete.</source>
        <translation>おつかれさまでした。これで おわりです。</translation>
    </message>
    <message>
        <source>Stopped. Rest, and read the advice on screen.</source>
        <translation>ちゅうし しました。やすんで、がめんの アドバイスを よんでください。</translation>
    </message>
    <message>
        <source>Session stopped.</source>
        <translation>セッションを とちゅうで おえました。</translation>
    </message>
    <message>
        <source>Paused.</source>
        <translation>いちじ ていし します。</translation>
    </message>
    <message>
        <source>Resuming.</source>
        <translation>さいかい します。</translation>
    </message>
</context>
<context>
    <name>storage</name>
    <message>
        <source>The disk is full: free some space and try again. Nothing was changed.</source>
        <translation>ディスクがいっぱいです。空き容量を作ってから、もう一度お試しください。何も変更していません。</translation>
    </message>
    <message>
        <source>Another program is using the history: close it and try again.</source>
        <translation>別のプログラムが記録を使っています。そのプログラムを閉じてから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The history cannot be written: {path} is read-only. Sessions are not saved until it can be.</source>
        <translation>記録に書き込めません：{path} は読み取り専用です。書き込めるようになるまで、セッションは保存されません。</translation>
    </message>
    <message>
        <source>Knee Coach is not allowed to use {path}: check its owner and permissions.</source>
        <translation>Knee Coachには {path} を使う権限がありません。所有者とアクセス権を確認してください。</translation>
    </message>
    <message>
        <source>The history {path} is damaged ({detail}). It was left exactly as it is: open Knee Coach to restore the latest backup.</source>
        <translation>記録 {path} が壊れています（{detail}）。ファイルはそのまま残してあります。Knee Coachを開いて、最新のバックアップから復元してください。</translation>
    </message>
    <message>
        <source>The history {path} was saved by a newer version of Knee Coach (database version {version}). It was left untouched: please update Knee Coach to use it.</source>
        <translation>記録 {path} は新しいバージョンのKnee Coachで保存されています（データベースのバージョン {version}）。手を付けずに残してあります。使うにはKnee Coachを更新してください。</translation>
    </message>
    <message>
        <source>{path} is not a Knee Coach history (it holds other data). It was left untouched.</source>
        <translation>{path} はKnee Coachの記録ではありません（別のデータが入っています）。手を付けずに残してあります。</translation>
    </message>
    <message>
        <source>The history {path} could not be updated for this version of Knee Coach ({detail}). It was left as it was; a backup is in the backups folder.</source>
        <translation>記録 {path} をこのバージョンのKnee Coach向けに更新できませんでした（{detail}）。元のまま残してあります。バックアップは backups フォルダにあります。</translation>
    </message>
    <message>
        <source>The history cannot be used: {detail}</source>
        <translation>記録を使えません：{detail}</translation>
    </message>
    <message>
        <source>{path} cannot be used: {detail}</source>
        <translation>{path} を使えません：{detail}</translation>
    </message>
</context>
<context>
    <name>storage_dialogs</name>
    <message>
        <source>{app} cannot use its data folder, so it cannot keep your history:
{folder}

{error}</source>
        <translation>{app}はデータフォルダを使えないため、記録を残せません：
{folder}

{error}</translation>
    </message>
    <message>
        <source>History is read-only</source>
        <translation>記録は読み取り専用です</translation>
    </message>
    <message>
        <source>The history can be read but not written, so sessions you do now are not saved:
{path}

Make the file writable (or free the disk it is on) and start {app} again.</source>
        <translation>記録は読めますが書き込めないため、これから行うセッションは保存されません：
{path}

ファイルを書き込めるようにして（またはディスクの空きを作って）から、{app}をもう一度起動してください。</translation>
    </message>
    <message>
        <source>A session is in progress. Stop it and quit? The sets done are kept.</source>
        <translation>セッションの途中です。終了してアプリを閉じますか？終えたセットは記録に残ります。</translation>
    </message>
    <message>
        <source>A session is in progress. Stop it and quit? The history could not be written, so the sets done are not saved.</source>
        <translation>セッションの途中です。終了してアプリを閉じますか？記録に書き込めなかったため、終えたセットは保存されていません。</translation>
    </message>
</context>
<context>
    <name>trends</name>
    <message>
        <source>After two weeks of practice the pain in your {knee} has not clearly improved (average {baseline:.1f} in the first week, {latest:.1f} in the last 7 days). Please see a clinic or a physiotherapist to find out why.</source>
        <translation>2週間続けましたが、{knee}の痛みにはっきりした改善が見られません（最初の週の平均 {baseline:.1f}、直近7日間 {latest:.1f}）。原因を確かめるため、病院や治療院、理学療法士に相談してください。</translation>
    </message>
    <message>
        <source>The pain in your {knee} has got worse (average {baseline:.1f} before, {latest:.1f} in the last 7 days). Please see a clinic or a physiotherapist; stop the routines if the pain is sharp, or the knee is swollen or hot.</source>
        <translation>{knee}の痛みが悪化しています（以前の平均 {baseline:.1f}、直近7日間 {latest:.1f}）。病院や治療院、理学療法士に相談してください。鋭い痛みや腫れ、熱感があるときは、セルフケアを中止してください。</translation>
    </message>
    <message>
        <source>right knee</source>
        <translation>右ひざ</translation>
    </message>
    <message>
        <source>left knee</source>
        <translation>左ひざ</translation>
    </message>
</context>
</TS>
