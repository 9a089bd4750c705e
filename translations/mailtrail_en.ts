<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Mailtrail::Models::TrackingModel</name>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n queued</numerusform>
            <numerusform>%n queued</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n rejected</numerusform>
            <numerusform>%n rejected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n accepted</source>
        <translation>
            <numerusform>%n accepted</numerusform>
            <numerusform>%n accepted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n delayed</source>
        <translation>
            <numerusform>%n delayed</numerusform>
            <numerusform>%n delayed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n relayed</source>
        <translation>
            <numerusform>%n relayed</numerusform>
            <numerusform>%n relayed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expanded</source>
        <translation>
            <numerusform>%n expanded</numerusform>
            <numerusform>%n expanded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n delivered</source>
        <translation>
            <numerusform>%n delivered</numerusform>
            <numerusform>%n delivered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dispatched</source>
        <translation>
            <numerusform>%n dispatched</numerusform>
            <numerusform>%n dispatched</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processed</source>
        <translation>
            <numerusform>%n processed</numerusform>
            <numerusform>%n processed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deleted</source>
        <translation>
            <numerusform>%n deleted</numerusform>
            <numerusform>%n deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n displayed</source>
        <translation>
            <numerusform>%n displayed</numerusform>
            <numerusform>%n displayed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replied</source>
        <translation>
            <numerusform>%n replied</numerusform>
            <numerusform>%n replied</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2 of %n)</source>
        <translation>
            <numerusform>%1 (%2 of %n)</numerusform>
            <numerusform>%1 (%2 of %n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) that may be about this message, not confirmed.</source>
        <translation>
            <numerusform>%n report that may be about this message, not confirmed.</numerusform>
            <numerusform>%n reports that may be about this message, not confirmed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Mailtrail::Tracking</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>delivered %n days ago</source>
        <translation>
            <numerusform>delivered %n day ago</numerusform>
            <numerusform>delivered %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n messages to that recipient fit)</source>
        <translation>
            <numerusform> (%n message to that recipient fits)</numerusform>
            <numerusform> (%n messages to that recipient fit)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::FolderActions</name>
    <message numerus="yes">
        <source>Delete the folder “%1”, the %n folder(s) in it and the messages they hold? This cannot be undone.</source>
        <translation>
            <numerusform>Delete the folder “%1”, the %n folder in it and the messages they hold? This cannot be undone.</numerusform>
            <numerusform>Delete the folder “%1”, the %n folders in it and the messages they hold? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the folder “%1” and the %n message(s) in it? This cannot be undone.</source>
        <translation>
            <numerusform>Delete the folder “%1” and the %n message in it? This cannot be undone.</numerusform>
            <numerusform>Delete the folder “%1” and the %n messages in it? This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::FolderDecorationProxy</name>
    <message numerus="yes">
        <source>%n message(s), %1 unread</source>
        <translation>
            <numerusform>%n message, %1 unread</numerusform>
            <numerusform>%n messages, %1 unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::MessageActions</name>
    <message numerus="yes">
        <source>Copy %n Message(s) to</source>
        <translation>
            <numerusform>Copy %n Message to</numerusform>
            <numerusform>Copy %n Messages to</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n Message(s) to</source>
        <translation>
            <numerusform>Move %n Message to</numerusform>
            <numerusform>Move %n Messages to</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::MessageViewer</name>
    <message numerus="yes">
        <source>To protect your privacy, %n remote image(s) or style(s) were not loaded.</source>
        <translation>
            <numerusform>To protect your privacy, %n remote image or style was not loaded.</numerusform>
            <numerusform>To protect your privacy, %n remote images or styles were not loaded.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::SearchPane</name>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) still being indexed</source>
        <translation>
            <numerusform>%n message still being indexed</numerusform>
            <numerusform>%n messages still being indexed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::SendOutcome</name>
    <message numerus="yes">
        <source>“%1” was sent, but the server refused %n recipient(s); see the delivery panel.</source>
        <translation>
            <numerusform>“%1” was sent, but the server refused %n recipient; see the delivery panel.</numerusform>
            <numerusform>“%1” was sent, but the server refused %n recipients; see the delivery panel.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) were being sent when Mailtrail stopped. They may have been sent; open the Outbox to resend or discard them.</source>
        <translation>
            <numerusform>%n message was being sent when Mailtrail stopped. It may have been sent; open the Outbox to resend or discard it.</numerusform>
            <numerusform>%n messages were being sent when Mailtrail stopped. They may have been sent; open the Outbox to resend or discard them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Mailtrail::Ui::SessionResults</name>
    <message numerus="yes">
        <source>%n message(s) copied.</source>
        <translation>
            <numerusform>%n message copied.</numerusform>
            <numerusform>%n messages copied.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) moved.</source>
        <translation>
            <numerusform>%n message moved.</numerusform>
            <numerusform>%n messages moved.</numerusform>
        </translation>
    </message>
</context>
</TS>
