<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../ui/session_page.py" line="38"/>
        <source>Halfway</source>
        <translation>折り返し</translation>
    </message>
    <message>
        <location filename="../ui/session_page.py" line="39"/>
        <source>Last one</source>
        <translation>ラスト1回</translation>
    </message>
    <message>
        <location filename="../ui/session_page.py" line="40"/>
        <source>Set done</source>
        <translation>セット終了</translation>
    </message>
    <message>
        <location filename="../ui/session_page.py" line="41"/>
        <source>Switch side</source>
        <translation>反対側へ</translation>
    </message>
    <message>
        <location filename="../ui/session_page.py" line="42"/>
        <source>Switch leg</source>
        <translation>反対の脚へ</translation>
    </message>
    <message>
        <location filename="../ui/session_page.py" line="43"/>
        <source>Next routine</source>
        <translation>次のセルフケアへ</translation>
    </message>
    <message>
        <location filename="../ui/session_page.py" line="44"/>
        <source>Resumed</source>
        <translation>再開</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="34"/>
        <source>Right leg</source>
        <translation>右脚</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="34"/>
        <source>Left leg</source>
        <translation>左脚</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="42"/>
        <source>Routine {number} of {count}: {title}</source>
        <translation>セルフケア {number}/{count}：{title}</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="51"/>
        <source>{leg}, {side}</source>
        <translation>{leg}・{side}</translation>
    </message>
</context>
<context>
    <name>CheckInPage</name>
    <message>
        <location filename="../ui/checkin_page.py" line="95"/>
        <source>How does your knee feel now, after the routines?</source>
        <translation>セルフケアを終えて、ひざの具合はいかがですか？</translation>
    </message>
    <message>
        <location filename="../ui/checkin_page.py" line="97"/>
        <source>How does your knee feel right now?</source>
        <translation>いまのひざの具合はいかがですか？</translation>
    </message>
    <message>
        <location filename="../ui/checkin_page.py" line="100"/>
        <source>Rate the pain from 0 (none) to 10 (worst imaginable). Number keys work too.</source>
        <translation>痛みを 0（なし）〜10（考えられる最悪の痛み）で選んでください。数字キーでも入力できます。</translation>
    </message>
    <message>
        <location filename="../ui/checkin_page.py" line="103"/>
        <source>Right knee: pain</source>
        <translation>右ひざの痛み</translation>
    </message>
    <message>
        <location filename="../ui/checkin_page.py" line="103"/>
        <location filename="../ui/checkin_page.py" line="106"/>
        <source>no pain</source>
        <translation>痛みなし</translation>
    </message>
    <message>
        <location filename="../ui/checkin_page.py" line="103"/>
        <location filename="../ui/checkin_page.py" line="106"/>
        <source>worst imaginable</source>
        <translation>考えられる最悪の痛み</translation>
    </message>
    <message>
        <location filename="../ui/checkin_page.py" line="106"/>
        <source>Left knee: pain</source>
        <translation>左ひざの痛み</translation>
    </message>
    <message>
        <location filename="../ui/checkin_page.py" line="109"/>
        <source>Tightness or catching behind the knee</source>
        <translation>ひざ裏の張り・詰まり感</translation>
    </message>
    <message>
        <location filename="../ui/checkin_page.py" line="110"/>
        <source>moves freely</source>
        <translation>スムーズに動く</translation>
    </message>
    <message>
        <location filename="../ui/checkin_page.py" line="111"/>
        <source>very stiff</source>
        <translation>とても硬い</translation>
    </message>
    <message>
        <location filename="../ui/checkin_page.py" line="113"/>
        <source>Note (optional), e.g. slept badly, long walk</source>
        <translation>メモ（任意）&#x3000;例：よく眠れなかった、長く歩いた</translation>
    </message>
    <message>
        <location filename="../ui/checkin_page.py" line="114"/>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../ui/checkin_page.py" line="116"/>
        <source>See the summary</source>
        <translation>結果を見る</translation>
    </message>
    <message>
        <location filename="../ui/checkin_page.py" line="116"/>
        <source>Continue</source>
        <translation>次へ</translation>
    </message>
    <message>
        <location filename="../ui/checkin_page.py" line="118"/>
        <source>Skip</source>
        <translation>記録せずに進む</translation>
    </message>
    <message>
        <location filename="../ui/checkin_page.py" line="120"/>
        <source>Session settings…</source>
        <translation>セッションの設定…</translation>
    </message>
    <message>
        <location filename="../ui/checkin_page.py" line="122"/>
        <source>Today I practise:</source>
        <translation>今日行う脚：</translation>
    </message>
    <message>
        <location filename="../ui/checkin_page.py" line="124"/>
        <source>Right leg</source>
        <translation>右脚</translation>
    </message>
    <message>
        <location filename="../ui/checkin_page.py" line="125"/>
        <source>Left leg</source>
        <translation>左脚</translation>
    </message>
    <message>
        <location filename="../ui/checkin_page.py" line="126"/>
        <source>Both legs</source>
        <translation>両脚</translation>
    </message>
</context>
<context>
    <name>KneeView</name>
    <message>
        <location filename="../ui/knee_view.py" line="310"/>
        <source>Right leg</source>
        <translation>右脚</translation>
    </message>
    <message>
        <location filename="../ui/knee_view.py" line="312"/>
        <source>Left leg</source>
        <translation>左脚</translation>
    </message>
    <message>
        <location filename="../ui/knee_view.py" line="320"/>
        <source>Seen from behind</source>
        <translation>後ろから見たところ</translation>
    </message>
    <message>
        <location filename="../ui/knee_view.py" line="329"/>
        <source>Inner</source>
        <translation>内側</translation>
    </message>
    <message>
        <location filename="../ui/knee_view.py" line="330"/>
        <source>Outer</source>
        <translation>外側</translation>
    </message>
    <message>
        <location filename="../ui/knee_view.py" line="357"/>
        <source>Do not press</source>
        <translation>押さない</translation>
    </message>
    <message>
        <location filename="../ui/knee_view.py" line="479"/>
        <source>inner tendon just above the knee</source>
        <translation>ひざのすぐ上、内側の腱</translation>
    </message>
    <message>
        <location filename="../ui/knee_view.py" line="482"/>
        <source>outer tendon just above the knee</source>
        <translation>ひざのすぐ上、外側の腱</translation>
    </message>
    <message>
        <location filename="../ui/knee_view.py" line="485"/>
        <source>just inside the centre of the knee crease</source>
        <translation>ひざ裏の中央より少し内側</translation>
    </message>
    <message>
        <location filename="../ui/knee_view.py" line="488"/>
        <source>just outside the centre of the knee crease</source>
        <translation>ひざ裏の中央より少し外側</translation>
    </message>
    <message>
        <location filename="../ui/knee_view.py" line="496"/>
        <source>Back of the right knee: press points</source>
        <translation>右ひざの裏：押さえる位置</translation>
    </message>
    <message>
        <location filename="../ui/knee_view.py" line="498"/>
        <source>Back of the left knee: press points</source>
        <translation>左ひざの裏：押さえる位置</translation>
    </message>
    <message>
        <location filename="../ui/knee_view.py" line="503"/>
        <source>Press now: {points}.</source>
        <translation>いま押さえる位置：{points}。</translation>
    </message>
    <message>
        <location filename="../ui/knee_view.py" line="508"/>
        <source>Never press the centre of the crease: nerves and vessels run there.</source>
        <translation>ひざ裏の真ん中は押さないでください。神経や血管が通っています。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/main_window.py" line="174"/>
        <source>Language of the window</source>
        <translation>画面の表示言語</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="175"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="200"/>
        <source>Sound is unavailable: {error}</source>
        <translation>音を出せません：{error}</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="238"/>
        <source>Settings not saved</source>
        <translation>設定を保存できませんでした</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="239"/>
        <source>Could not save the settings: {error}</source>
        <translation>設定を保存できませんでした：{error}</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="320"/>
        <source>Stop the session?</source>
        <translation>セッションを終了しますか？</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="321"/>
        <source>A session is in progress. Stop it and quit? The sets done are kept.</source>
        <translation>セッションの途中です。終了してアプリを閉じますか？終えたセットは記録に残ります。</translation>
    </message>
</context>
<context>
    <name>SafetyPage</name>
    <message>
        <location filename="../ui/safety_page.py" line="46"/>
        <source>Before you start: a quick safety check</source>
        <translation>始める前に：安全の確認</translation>
    </message>
    <message>
        <location filename="../ui/safety_page.py" line="47"/>
        <source>Today, do you have any of these in the knee?</source>
        <translation>今日、ひざに次のような症状はありますか？</translation>
    </message>
    <message>
        <location filename="../ui/safety_page.py" line="51"/>
        <source>Start the session</source>
        <translation>セッションを始める</translation>
    </message>
    <message>
        <location filename="../ui/safety_page.py" line="52"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../ui/safety_page.py" line="53"/>
        <source>Not today: please have the knee checked</source>
        <translation>今日はお休みして、ひざを診てもらいましょう</translation>
    </message>
    <message>
        <location filename="../ui/safety_page.py" line="55"/>
        <source>Back to the start</source>
        <translation>最初の画面へ</translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message>
        <location filename="../ui/session_page.py" line="178"/>
        <source>Progress through the session</source>
        <translation>セッションの進み具合</translation>
    </message>
    <message>
        <location filename="../ui/session_page.py" line="179"/>
        <source>Rep counter</source>
        <translation>回数カウンター</translation>
    </message>
    <message>
        <location filename="../ui/session_page.py" line="180"/>
        <source>Count a rep  (Space)</source>
        <translation>1回数える  (Space)</translation>
    </message>
    <message>
        <location filename="../ui/session_page.py" line="181"/>
        <source>Skip  (→)</source>
        <translation>スキップ  (→)</translation>
    </message>
    <message>
        <location filename="../ui/session_page.py" line="182"/>
        <source>Stop  (Esc)</source>
        <translation>終了  (Esc)</translation>
    </message>
    <message>
        <location filename="../ui/session_page.py" line="183"/>
        <source>Stop: it hurts  (H)</source>
        <translation>痛いので中止  (H)</translation>
    </message>
    <message>
        <location filename="../ui/session_page.py" line="185"/>
        <source>Ends the session at once and shows safety advice</source>
        <translation>すぐにセッションを終え、安全のためのアドバイスを表示します</translation>
    </message>
    <message>
        <location filename="../ui/session_page.py" line="245"/>
        <source>Set {n} of {total}</source>
        <translation>セット {n}/{total}</translation>
    </message>
    <message>
        <location filename="../ui/session_page.py" line="262"/>
        <source>Resume  (Space)</source>
        <translation>再開  (Space)</translation>
    </message>
    <message>
        <location filename="../ui/session_page.py" line="262"/>
        <source>Pause  (Space)</source>
        <translation>一時停止  (Space)</translation>
    </message>
    <message>
        <location filename="../ui/session_page.py" line="266"/>
        <source>Resume  (P)</source>
        <translation>再開  (P)</translation>
    </message>
    <message>
        <location filename="../ui/session_page.py" line="266"/>
        <source>Pause  (P)</source>
        <translation>一時停止  (P)</translation>
    </message>
    <message>
        <location filename="../ui/session_page.py" line="271"/>
        <source>Get ready</source>
        <translation>準備して</translation>
    </message>
    <message>
        <location filename="../ui/session_page.py" line="276"/>
        <source>Starting in</source>
        <translation>まもなく開始</translation>
    </message>
    <message>
        <location filename="../ui/session_page.py" line="282"/>
        <source>At your own pace</source>
        <translation>自分のペースで</translation>
    </message>
    <message>
        <location filename="../ui/session_page.py" line="290"/>
        <source>Paused</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <location filename="../ui/session_page.py" line="292"/>
        <source>Press P or the Resume button to go on.</source>
        <translation>続けるときは P キーか「再開」ボタンを押してください。</translation>
    </message>
    <message>
        <location filename="../ui/session_page.py" line="294"/>
        <source>Press Space to go on. The rep you were on starts again.</source>
        <translation>Space キーで再開します。途中だった1回は最初からやり直します。</translation>
    </message>
    <message>
        <location filename="../ui/session_page.py" line="307"/>
        <source>Next: how the knee feels afterwards</source>
        <translation>次：終わったあとのひざの具合</translation>
    </message>
    <message>
        <location filename="../ui/session_page.py" line="310"/>
        <source>Next: {routine}</source>
        <translation>次：{routine}</translation>
    </message>
    <message>
        <location filename="../ui/session_page.py" line="311"/>
        <source>Next: {set}</source>
        <translation>次：{set}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../ui/settings_dialog.py" line="32"/>
        <source>Session settings</source>
        <translation>セッションの設定</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="48"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="50"/>
        <source>Reps per set</source>
        <translation>1セットの回数</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="51"/>
        <source>Seconds per rep</source>
        <translation>1回の秒数</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="56"/>
        <source>Session</source>
        <translation>セッション</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="60"/>
        <source>Both legs</source>
        <translation>両脚</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="61"/>
        <source>Right leg</source>
        <translation>右脚</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="62"/>
        <source>Left leg</source>
        <translation>左脚</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="67"/>
        <source>The app paces each rep</source>
        <translation>アプリがテンポを取る</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="68"/>
        <source>I count each rep with Space</source>
        <translation>自分で Space キーを押して数える</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="70"/>
        <source>Play sound cues</source>
        <translation>合図の音を鳴らす</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="75"/>
        <source>Legs</source>
        <translation>行う脚</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="76"/>
        <source>Pacing</source>
        <translation>ペース</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="78"/>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="80"/>
        <source>Same as the system</source>
        <translation>システムの設定に合わせる</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="85"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="87"/>
        <source>About 10 per set is a good start; add more as it gets easy.</source>
        <translation>1セット10回前後から始めて、慣れてきたら回数を増やしてもかまいません。</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="121"/>
        <source>Invalid setting</source>
        <translation>使えない設定</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="122"/>
        <source>This setting cannot be used: {error}</source>
        <translation>この設定は使えません：{error}</translation>
    </message>
</context>
<context>
    <name>StopAdvicePage</name>
    <message>
        <location filename="../ui/advice_page.py" line="60"/>
        <source>Stopped: it hurt</source>
        <translation>痛みのため中止しました</translation>
    </message>
    <message>
        <location filename="../ui/advice_page.py" line="63"/>
        <source>Note how the knee feels now</source>
        <translation>いまのひざの具合を記録する</translation>
    </message>
    <message>
        <location filename="../ui/advice_page.py" line="64"/>
        <source>Go to the summary</source>
        <translation>結果へ進む</translation>
    </message>
    <message>
        <location filename="../ui/advice_page.py" line="71"/>
        <source>What you did before stopping is kept. Sets: {sets}, reps: {reps}.</source>
        <translation>中止するまでに行った分は記録に残っています（セット数：{sets}、回数：{reps}）。</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../ui/summary_page.py" line="72"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../ui/summary_page.py" line="97"/>
        <source>Well done: session complete</source>
        <translation>お疲れさまでした。セッション完了です</translation>
    </message>
    <message>
        <location filename="../ui/summary_page.py" line="98"/>
        <source>Session stopped because it hurt</source>
        <translation>痛みのためセッションを中止しました</translation>
    </message>
    <message>
        <location filename="../ui/summary_page.py" line="99"/>
        <source>Session stopped</source>
        <translation>セッションを終了しました</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/summary_page.py" line="107"/>
        <source>%n rep(s) in {minutes} min.</source>
        <translation>
            <numerusform>合計 %n 回・{minutes} 分</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/summary_page.py" line="122"/>
        <source>{leg}: pain</source>
        <translation>{leg}：ひざの痛み</translation>
    </message>
    <message>
        <location filename="../ui/summary_page.py" line="123"/>
        <location filename="../ui/summary_page.py" line="134"/>
        <source>{before} → {after}  ({change})</source>
        <translation>{before} → {after}（{change}）</translation>
    </message>
    <message>
        <location filename="../ui/summary_page.py" line="133"/>
        <source>Tightness or catching</source>
        <translation>張り・詰まり感</translation>
    </message>
    <message>
        <location filename="../ui/summary_page.py" line="147"/>
        <source>{done} of {planned} reps</source>
        <translation>{planned} 回中 {done} 回</translation>
    </message>
    <message>
        <location filename="../ui/summary_page.py" line="154"/>
        <source>The knee hurts more than before. Rest it today; if it stays worse, see a clinic or a physiotherapist.</source>
        <translation>始める前より痛みが強くなっています。今日はひざを休ませ、痛みが続くようなら病院や治療院で診てもらってください。</translation>
    </message>
    <message>
        <location filename="../ui/summary_page.py" line="160"/>
        <source>A clear improvement. Keep the habit: once or twice a day.</source>
        <translation>はっきり楽になりました。1日1〜2回の習慣を続けましょう。</translation>
    </message>
    <message>
        <location filename="../ui/summary_page.py" line="163"/>
        <source>Most people notice a change after one to two weeks of daily practice. Keep going once or twice a day, at a time that suits your routine.</source>
        <translation>毎日続けると、多くの人が1〜2週間で変化を感じます。朝起きたときや寝る前など、続けやすい時間に1日1〜2回行いましょう。</translation>
    </message>
</context>
<context>
    <name>audio</name>
    <message>
        <location filename="../audio/qt_player.py" line="54"/>
        <source>No sound device found: follow the cues on screen.</source>
        <translation>音声の出力先が見つかりません。画面の表示に合わせて進めてください。</translation>
    </message>
</context>
<context>
    <name>routines</name>
    <message>
        <location filename="../core/routines.py" line="65"/>
        <source>Hamstring glide</source>
        <translation>ハムストリングスをゆるめる</translation>
    </message>
    <message>
        <location filename="../core/routines.py" line="66"/>
        <source>Sit or lie on your back. Raise one knee or lift the leg a little.</source>
        <translation>座るか仰向けになり、片方のひざを立てるか、脚を少し持ち上げます。</translation>
    </message>
    <message>
        <location filename="../core/routines.py" line="69"/>
        <source>Hook your fingers on the tendon at the back of the thigh, just above the knee, where the hamstrings overlap the calf muscle (gastrocnemius). Keep a light, steady pressure and slowly bend and straighten the knee, drawing the muscle up as the leg straightens.</source>
        <translation>ひざのすぐ上、ハムストリングスが腓腹筋と重なるあたりで太もも裏の腱に指を引っ掛け、軽くても一定の圧を保ったまま、ひざをゆっくり曲げ伸ばしします。伸ばすときは筋肉を引き上げるように。</translation>
    </message>
    <message>
        <location filename="../core/routines.py" line="79"/>
        <source>inner side</source>
        <translation>内側</translation>
    </message>
    <message>
        <location filename="../core/routines.py" line="81"/>
        <source>Fingers hooked on the inner tendon. Do not let the pressure go.</source>
        <translation>内側の腱に指を引っ掛けたまま、圧をゆるめずに。</translation>
    </message>
    <message>
        <location filename="../core/routines.py" line="87"/>
        <source>outer side</source>
        <translation>外側</translation>
    </message>
    <message>
        <location filename="../core/routines.py" line="89"/>
        <source>Fingers hooked on the outer tendon. Do not let the pressure go.</source>
        <translation>外側の腱に指を引っ掛けたまま、圧をゆるめずに。</translation>
    </message>
    <message>
        <location filename="../core/routines.py" line="95"/>
        <source>Bend</source>
        <translation>曲げる</translation>
    </message>
    <message>
        <location filename="../core/routines.py" line="96"/>
        <source>Straighten</source>
        <translation>伸ばす</translation>
    </message>
    <message>
        <location filename="../core/routines.py" line="104"/>
        <source>Move slowly. Keep the pressure light but constant.</source>
        <translation>動きはゆっくりと。圧は軽く、でも一定に。</translation>
    </message>
    <message>
        <location filename="../core/routines.py" line="110"/>
        <source>Popliteus release</source>
        <translation>膝窩筋（しっかきん）をほぐす</translation>
    </message>
    <message>
        <location filename="../core/routines.py" line="111"/>
        <source>Sit down with the knee slightly bent.</source>
        <translation>座って、ひざを軽く曲げます。</translation>
    </message>
    <message>
        <location filename="../core/routines.py" line="112"/>
        <source>Press with both thumbs just inside and just outside the centre of the knee crease, lifting gently up and outward. Keep pressing and swing the lower leg up loosely.</source>
        <translation>両手の親指で、ひざ裏の中央から少し内側と少し外側の2か所を押さえ、斜め上へ軽く引き上げます。押さえたまま、ひざから下を力を抜いてぶらんと振り上げます。</translation>
    </message>
    <message>
        <location filename="../core/routines.py" line="120"/>
        <source>both thumbs</source>
        <translation>両手の親指で</translation>
    </message>
    <message>
        <location filename="../core/routines.py" line="122"/>
        <source>Thumbs either side of the centre, never on it. Look for the spot that hurts in a good way.</source>
        <translation>親指は真ん中の両脇に。真ん中は押さず、痛気持ちいい所を探して。</translation>
    </message>
    <message>
        <location filename="../core/routines.py" line="129"/>
        <source>Swing</source>
        <translation>振る</translation>
    </message>
    <message>
        <location filename="../core/routines.py" line="136"/>
        <source>Never press the centre. Stop if pressing gives strong pain.</source>
        <translation>真ん中は押さないこと。押して強く痛むときは中止してください。</translation>
    </message>
</context>
<context>
    <name>safety</name>
    <message>
        <location filename="../core/safety.py" line="21"/>
        <source>Sharp, stabbing pain in the knee</source>
        <translation>ひざに鋭い痛み、刺すような痛みがある</translation>
    </message>
    <message>
        <location filename="../core/safety.py" line="22"/>
        <source>Swelling around the knee</source>
        <translation>ひざのまわりが腫れている</translation>
    </message>
    <message>
        <location filename="../core/safety.py" line="23"/>
        <source>The knee feels hot</source>
        <translation>ひざに熱っぽさがある</translation>
    </message>
    <message>
        <location filename="../core/safety.py" line="26"/>
        <source>Please do not do the routines today. Sharp pain, swelling or heat need a professional&apos;s look first: contact a clinic, an orthopaedic doctor or a physiotherapist.</source>
        <translation>今日のセルフケアはお休みしてください。鋭い痛みや腫れ、熱感があるときは、まず専門家に診てもらいましょう。病院（整形外科）や治療院、理学療法士に相談してください。</translation>
    </message>
    <message>
        <location filename="../core/safety.py" line="32"/>
        <source>If you have advanced knee osteoarthritis, or a doctor has limited your exercise, ask your doctor or therapist before doing these routines.</source>
        <translation>変形性膝関節症が進んでいる方や、医師から運動を制限されている方は、先に医師や治療者に相談してください。</translation>
    </message>
    <message>
        <location filename="../core/safety.py" line="38"/>
        <source>You stopped because it hurt. That was the right thing to do. Rest the knee. If the pain is sharp, or the knee is swollen or hot, contact a professional soon. Pressing the centre of the back of the knee can hurt nerves and vessels: next time, press a little to the inner or outer side instead, and gently.</source>
        <translation>痛みを感じてやめたのは正しい判断です。ひざを休ませてください。鋭い痛みや腫れ、熱感があるときは、早めに専門家に相談しましょう。ひざ裏の真ん中には神経や血管が通っているため、押すと傷めるおそれがあります。次は中央から少し内側か外側を、やさしく押さえてください。</translation>
    </message>
    <message>
        <location filename="../core/safety.py" line="46"/>
        <source>If the knee does not improve, or gets worse, see a clinic or a physiotherapist.</source>
        <translation>よくならない、あるいは悪化するときは、病院や治療院で診てもらってください。</translation>
    </message>
</context>
</TS>
