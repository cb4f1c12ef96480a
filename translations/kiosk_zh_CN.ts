<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Appointments</name>
    <message>
        <source>Confirmed</source>
        <extracomment>how long a check-in, cancel or ticket waits for the server before saying so</extracomment>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Request not yet sent – not confirmed</source>
        <translation>申请尚未发出，未确认</translation>
    </message>
    <message>
        <source>Request refused:</source>
        <translation>申请未被接受：</translation>
    </message>
    <message>
        <source>This kiosk is not connected: please ask staff.</source>
        <extracomment>the platform&apos;s answer: a number (success), none (failure), no answer (warning) &quot;前面还有 N 人&quot; for the number taken, asked of the queue while it is shown</extracomment>
        <translation>本机没有联网，请咨询工作人员。</translation>
    </message>
    <message>
        <source>Looking up your appointments…</source>
        <translation>正在查询您的预约……</translation>
    </message>
    <message>
        <source>My appointments / check in</source>
        <translation>我的预约 / 签到取号</translation>
    </message>
    <message>
        <source>Type your ID card number.</source>
        <translation>请输入身份证号码。</translation>
    </message>
    <message>
        <source>Find my appointments</source>
        <translation>查询我的预约</translation>
    </message>
    <message>
        <source>Scan your booking code</source>
        <translation>扫预约码签到</translation>
    </message>
    <message>
        <source>No appointment? Take a queue number</source>
        <translation>没有预约？直接取号</translation>
    </message>
    <message>
        <source>The platform cannot be reached just now: only requests kept on this kiosk are shown. Checking in needs the connection; staff at the desk can help.</source>
        <translation>暂时连不上政务服务平台：只显示本机保存的预约申请。签到需要联网，服务台的工作人员可以帮您。</translation>
    </message>
    <message>
        <source>Your appointments</source>
        <translation>您的预约</translation>
    </message>
    <message>
        <source>Tap one to check in or cancel.</source>
        <translation>点一下预约，可以签到或取消。</translation>
    </message>
    <message>
        <source>No appointments found for this ID number.</source>
        <translation>没有查到这个身份证号码的预约。</translation>
    </message>
    <message>
        <source>Sending…</source>
        <extracomment>&quot;前面还有 N 人&quot; for the number the check-in gave, asked of the queue while shown checked in, or cancelled: said once in a coloured panel above the number</extracomment>
        <translation>正在发送……</translation>
    </message>
    <message>
        <source>The platform cannot be reached just now, so this has NOT happened yet. It will be sent when the connection is back; staff at the desk can help you now.</source>
        <translation>暂时连不上政务服务平台，所以这一步还没有完成。联网后会自动发送；服务台的工作人员现在就可以帮您。</translation>
    </message>
    <message>
        <source>Your appointment</source>
        <translation>您的预约</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>预约号</translation>
    </message>
    <message>
        <source>You are checked in</source>
        <translation>签到成功</translation>
    </message>
    <message>
        <source>Please wait until your number is called.</source>
        <translation>请等候叫号。</translation>
    </message>
    <message>
        <source>To cancel, type the phone number you gave when booking.</source>
        <translation>要取消预约，请输入预约时留的电话号码。</translation>
    </message>
    <message>
        <source>Cancel this appointment? The time will be given to someone else.</source>
        <translation>确定取消这个预约吗？这个时间会让给别人。</translation>
    </message>
    <message>
        <source>What would you like to do?</source>
        <translation>您要做什么？</translation>
    </message>
    <message>
        <source>Check in now</source>
        <translation>现在签到</translation>
    </message>
    <message>
        <source>Yes, cancel it</source>
        <translation>确定取消</translation>
    </message>
    <message>
        <source>Cancel it now</source>
        <translation>确认取消预约</translation>
    </message>
    <message>
        <source>Cancel the appointment</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <source>No, keep it</source>
        <translation>不取消</translation>
    </message>
    <message>
        <source>Your appointment is cancelled</source>
        <translation>预约已取消</translation>
    </message>
    <message>
        <source>The time is free again for someone else.</source>
        <translation>这个时间已让给其他人预约。</translation>
    </message>
    <message>
        <source>It is not time to check in yet, or the time has passed. You can check in from %1 minutes before your appointment until %2 minutes after; staff can help otherwise.</source>
        <translation>还没到签到时间，或签到时间已过。预约时间前 %1 分钟至预约时间后 %2 分钟内可以签到；其他情况请咨询工作人员。</translation>
    </message>
    <message>
        <source>Here is your number</source>
        <translation>取号成功</translation>
    </message>
    <message>
        <source>No number was given</source>
        <translation>没有取到号</translation>
    </message>
    <message>
        <source>The platform cannot be reached just now, so no number could be given. Please ask staff at the desk for a number.</source>
        <translation>暂时连不上政务服务平台，无法取号。请到服务台请工作人员为您取号。</translation>
    </message>
    <message>
        <source>No number yet</source>
        <translation>暂时没有取到号</translation>
    </message>
    <message>
        <source>Take a queue number</source>
        <translation>取号</translation>
    </message>
    <message>
        <source>✓ I am 60 or over: green channel (priority)</source>
        <translation>✓ 我已满 60 岁：绿色通道（优先）</translation>
    </message>
    <message>
        <source>☐ I am 60 or over: tap for the green channel</source>
        <translation>☐ 我已满 60 岁：点这里走绿色通道</translation>
    </message>
    <message>
        <source>Which service have you come for?</source>
        <translation>您来办什么事？</translation>
    </message>
    <message>
        <source>Not the number given when booking, so NOT cancelled. Please check it and type it again.</source>
        <translation>号码和预约时留的不一样，没有取消。请核对后再输入一次。</translation>
    </message>
    <message>
        <source>A wrong phone number was typed too many times, so this appointment can no longer be cancelled at the kiosk. Please go to a service window: staff there can cancel it for you.</source>
        <translation>电话号码输错的次数太多，这台机器不能再取消这个预约了。请到服务窗口，工作人员可以帮您取消。</translation>
    </message>
    <message>
        <source>This appointment was already cancelled.</source>
        <translation>这个预约已经取消了。</translation>
    </message>
    <message>
        <source>This appointment is already checked in, so it cannot be cancelled.</source>
        <translation>这个预约已经签到，不能再取消。</translation>
    </message>
    <message>
        <source>This appointment was made without a phone number, so it cannot be cancelled at the kiosk. If you no longer need it, simply do not come: it lapses after its time.</source>
        <translation>这个预约没有留手机号码，不能在本机取消。如果不再需要，不来就可以：过了预约时间，预约会自动失效。</translation>
    </message>
    <message>
        <source>This is not the number given when booking. Please check each digit.</source>
        <translation>这不是预约时留的号码，请一位一位核对。</translation>
    </message>
    <message>
        <source>The number given when booking has %1 digits.</source>
        <translation>预约时留的号码是 %1 位数字。</translation>
    </message>
    <message>
        <source>Phone number given when booking</source>
        <translation>预约时留的电话号码</translation>
    </message>
    <message>
        <source>The number given when booking: %1</source>
        <translation>预约时留的号码：%1</translation>
    </message>
    <message>
        <source>Place your ID card on the reader.</source>
        <translation>请将身份证放在读卡区。</translation>
    </message>
</context>
<context>
    <name>AssistBanner</name>
    <message>
        <source>Staff member %1 %2 is helping you</source>
        <translation>工作人员 %1 %2 正在协助您</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>结束协助</translation>
    </message>
    <message>
        <source>Staff mode: %1 %2</source>
        <translation>工作人员模式：%1 %2</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Please type and confirm this step yourself; staff may only point.</source>
        <translation>这一步请您本人输入并确认，工作人员只能在旁指引。</translation>
    </message>
</context>
<context>
    <name>Attract</name>
    <message>
        <source>Government services, self-service</source>
        <translation>政务服务自助办理</translation>
    </message>
</context>
<context>
    <name>Booking</name>
    <message>
        <source>Fully booked</source>
        <translation>已约满</translation>
    </message>
    <message>
        <source>1 place left</source>
        <translation>还剩 1 个名额</translation>
    </message>
    <message>
        <source>%1 places left</source>
        <translation>还剩 %1 个名额</translation>
    </message>
    <message>
        <source>Looking up free days…</source>
        <translation>正在查询可预约的日期……</translation>
    </message>
    <message>
        <source>The booking service cannot be reached just now. You can still ask for a time: your request is kept and confirmed later by SMS.</source>
        <translation>暂时连不上预约系统。您仍可以申请一个时间：申请会保存下来，稍后以短信通知确认结果。</translation>
    </message>
    <message>
        <source>Booking is not possible just now. Please ask staff.</source>
        <translation>现在无法预约，请咨询工作人员。</translation>
    </message>
    <message>
        <source>Which day?</source>
        <translation>哪一天？</translation>
    </message>
    <message>
        <source>Looking up free times…</source>
        <translation>正在查询可预约的时间……</translation>
    </message>
    <message>
        <source>Offline: places left are not known. Your request will be confirmed later by SMS.</source>
        <translation>离线：暂不知道剩余名额。您的申请稍后以短信通知确认结果。</translation>
    </message>
    <message>
        <source>No free times on this day. Go back and choose another day.</source>
        <translation>这一天已没有可预约的时间，请返回选择其他日期。</translation>
    </message>
    <message>
        <source>Keeping this time for you…</source>
        <translation>正在为您保留这个时间……</translation>
    </message>
    <message>
        <source>Sorry, that time was taken just now. Please choose another.</source>
        <translation>抱歉，这个时间刚刚被约走了，请另选一个。</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>上午</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>下午</translation>
    </message>
    <message>
        <source>What time?</source>
        <translation>什么时间？</translation>
    </message>
    <message>
        <source>Who is the appointment for?</source>
        <extracomment>the card read, masked, above the mobile number the phone is optional (an older resident may not know theirs): one tap past it</extracomment>
        <translation>为谁预约？</translation>
    </message>
    <message>
        <source>Step 1 of 2: the ID card number (18 characters).</source>
        <translation>第 1 步（共 2 步）：身份证号码（18 位）。</translation>
    </message>
    <message>
        <source>ID card number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Next: mobile number</source>
        <translation>下一步：手机号码</translation>
    </message>
    <message>
        <source>Step 2 of 2: a mobile number (11 digits), for the SMS and to cancel at a kiosk. You may leave it out.</source>
        <translation>第 2 步（共 2 步）：手机号码（11 位），用于短信通知和在本机取消预约；也可以不留。</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Next: check your answers</source>
        <translation>下一步：核对信息</translation>
    </message>
    <message>
        <source>No mobile number</source>
        <translation>不留手机号码</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <source>An ID number has 18 characters. Please check the count.</source>
        <translation>身份证号码是 18 位，请检查位数。</translation>
    </message>
    <message>
        <source>An ID number is 17 digits and then a digit or X.</source>
        <translation>身份证号码是 17 位数字，最后一位是数字或 X。</translation>
    </message>
    <message>
        <source>The date of birth in this number does not exist.</source>
        <translation>号码中的出生日期不存在。</translation>
    </message>
    <message>
        <source>This number is not right: please check each digit.</source>
        <translation>号码不正确，请逐位核对。</translation>
    </message>
    <message>
        <source>A mobile number has 11 digits.</source>
        <translation>手机号码是 11 位数字。</translation>
    </message>
    <message>
        <source>A mobile number starts with 13 to 19.</source>
        <translation>手机号码以 13 至 19 开头。</translation>
    </message>
    <message>
        <source>Sorry, that time was taken. Please choose another time.</source>
        <translation>抱歉，这个时间已被约走，请另选时间。</translation>
    </message>
    <message>
        <source>You already have an appointment for this service on that day.</source>
        <translation>您当天已经预约过这项服务。</translation>
    </message>
    <message>
        <source>That time is too soon or has passed.</source>
        <translation>这个时间太近或已经过去。</translation>
    </message>
    <message>
        <source>That day is too far ahead to book.</source>
        <translation>这一天太远，还不能预约。</translation>
    </message>
    <message>
        <source>That time can no longer be booked.</source>
        <translation>这个时间已不能预约。</translation>
    </message>
    <message>
        <source>The hall is closed that day.</source>
        <translation>大厅当天不办公。</translation>
    </message>
    <message>
        <source>The hall is not open just now: numbers are given during its opening hours.</source>
        <translation>大厅现在不在办公时间，请在办公时间内取号。</translation>
    </message>
    <message>
        <source>That day cannot be booked yet. Please choose an earlier day or ask staff.</source>
        <translation>该日期暂不能预约，请选择更早的日期或咨询工作人员。</translation>
    </message>
    <message>
        <source>The booking was not accepted. Please ask staff.</source>
        <translation>预约没有成功，请咨询工作人员。</translation>
    </message>
    <message>
        <source>Please check your answers</source>
        <translation>请核对您的信息</translation>
    </message>
    <message>
        <source>Tap Change to correct anything.</source>
        <translation>如需修改，请点“修改”。</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>大厅</translation>
    </message>
    <message>
        <source>Day and time</source>
        <translation>日期和时间</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>未留</translation>
    </message>
    <message>
        <source>Confirm the booking</source>
        <translation>确认预约</translation>
    </message>
    <message>
        <source>between %1 and %2</source>
        <extracomment>how long the result screen waits for the server before saying &quot;request saved&quot; how it ended, said once in a coloured panel: booked, saved as a request, not made what the last print produced (a PDF path, or a printer&apos;s name)</extracomment>
        <translation>%1 至 %2 之间</translation>
    </message>
    <message>
        <source>Scan the code with your phone camera to keep this.</source>
        <translation>用手机相机扫描二维码即可保存。</translation>
    </message>
    <message>
        <source>Print a slip</source>
        <translation>打印凭条</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Scan with your phone</source>
        <translation>用手机扫码带走</translation>
    </message>
    <message>
        <source>Sending your booking…</source>
        <translation>正在提交您的预约……</translation>
    </message>
    <message>
        <source>Please wait a moment.</source>
        <translation>请稍等。</translation>
    </message>
    <message>
        <source>Your appointment is booked</source>
        <translation>预约成功</translation>
    </message>
    <message>
        <source>Show the QR code or the reference number when you check in.</source>
        <translation>签到时请出示二维码或预约号。</translation>
    </message>
    <message>
        <source>Request saved – not yet confirmed</source>
        <translation>申请已保存，尚未确认</translation>
    </message>
    <message>
        <source>The booking service cannot be reached just now. Your request is kept on this kiosk and sent automatically. This is not an appointment yet: you will get an SMS when it is confirmed, or if the time is no longer free.</source>
        <translation>暂时连不上预约系统。您的申请已保存在本机，会自动提交。现在还不是有效预约：确认后或该时间已被约满时，您会收到短信通知。</translation>
    </message>
    <message>
        <source>The booking service cannot be reached just now. Your request is kept on this kiosk and sent automatically. This is not an appointment yet: with your ID card, look under My appointments on a kiosk later to see if it is confirmed.</source>
        <translation>暂时连不上预约系统。您的申请已保存在本机，会自动提交。现在还不是有效预约：请稍后带上身份证，在自助机的“我的预约”中查看是否已确认。</translation>
    </message>
    <message>
        <source>The booking was not made</source>
        <translation>预约没有成功</translation>
    </message>
    <message>
        <source>Other free times:</source>
        <translation>其他可预约的时间：</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>地址：%1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>电话：%1</translation>
    </message>
    <message>
        <source>This service cannot be booked here</source>
        <translation>这里不能预约这项业务</translation>
    </message>
    <message>
        <source>%1: not handled at this hall. Please ask staff where it is done.</source>
        <translation>这里不办理“%1”。请问问工作人员去哪里办。</translation>
    </message>
    <message>
        <source>%1: not handled at this hall, so this kiosk cannot book it. It is handled at the halls below: you can book a time there, or on the 一网通办 government services app or website.</source>
        <translation>这里不办理“%1”，这台机器不能预约。下面的大厅可以办理：您可以去那里预约，也可以在手机上的“一网通办”App 或网站上预约。</translation>
    </message>
    <message>
        <source>Step 1 of 2: place your ID card on the reader.</source>
        <translation>第 1 步（共 2 步）：请将身份证放在读卡区。</translation>
    </message>
</context>
<context>
    <name>CallStaff</name>
    <message>
        <source>You can also raise your hand: staff nearby will help you.</source>
        <translation>您也可以举手示意，附近的工作人员会来帮您。</translation>
    </message>
    <message>
        <source>Help line: %1</source>
        <translation>服务电话：%1</translation>
    </message>
    <message>
        <source>Calling staff…</source>
        <translation>正在呼叫工作人员……</translation>
    </message>
    <message>
        <source>Please wait a moment.</source>
        <translation>请稍等一下。</translation>
    </message>
    <message>
        <source>Staff have been told. Please wait.</source>
        <translation>已通知工作人员，请稍候</translation>
    </message>
    <message>
        <source>Your call was sent at %1. A member of staff will come to you here, at this machine.</source>
        <translation>%1 已发出呼叫。工作人员会到这台机器旁边来找您，请在这里等一等。</translation>
    </message>
    <message>
        <source>%1 is on the way</source>
        <translation>%1 正在赶来</translation>
    </message>
    <message>
        <source>A member of staff is on the way</source>
        <translation>工作人员正在赶来</translation>
    </message>
    <message>
        <source>Your call (sent at %1) has been answered. Please wait here.</source>
        <translation>您的呼叫（%1 发出）已有工作人员回应，请在这里等一等。</translation>
    </message>
    <message>
        <source>Please go to the service desk.</source>
        <extracomment>this kiosk has no platform to call through (not configured, or not yet connected) the states that say where the service desk is: staff have not been told</extracomment>
        <translation>请到服务台找工作人员。</translation>
    </message>
    <message>
        <source>Staff could not be called</source>
        <translation>没能叫到工作人员</translation>
    </message>
    <message>
        <source>The network is not working. When it works again, this machine will call staff for you, as long as you are still here.</source>
        <translation>网络暂时不通。网络恢复后，只要您还在这里，这台机器会自动再帮您叫一次。</translation>
    </message>
    <message>
        <source>This machine could not send your call.</source>
        <translation>这台机器没能把呼叫发出去。</translation>
    </message>
    <message>
        <source>Staff have dealt with your call</source>
        <translation>工作人员已处理完您的呼叫</translation>
    </message>
    <message>
        <source>Do you still need help? Tap the Call again button.</source>
        <translation>还需要帮忙吗？请点“再次呼叫”。</translation>
    </message>
    <message>
        <source>Your call is cancelled</source>
        <translation>已取消呼叫</translation>
    </message>
    <message>
        <source>This machine cannot call staff</source>
        <translation>这台机器不能替您呼叫</translation>
    </message>
    <message>
        <source>It is not connected to the hall&apos;s system.</source>
        <translation>这台机器现在没有联网。</translation>
    </message>
    <message>
        <source>No thanks, cancel the call</source>
        <translation>不用了，取消呼叫</translation>
    </message>
    <message>
        <source>Call again</source>
        <translation>再次呼叫</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>回到首页</translation>
    </message>
</context>
<context>
    <name>ComingSoon</name>
    <message>
        <source>Show my e-certificate</source>
        <translation>扫码亮证</translation>
    </message>
    <message>
        <source>Book an appointment</source>
        <translation>预约办事</translation>
    </message>
    <message>
        <source>My appointments / check in</source>
        <translation>我的预约 / 签到取号</translation>
    </message>
    <message>
        <source>This kiosk is not connected to the booking service. Staff at the service desk can book for you.</source>
        <translation>本机没有连接预约系统。服务台的工作人员可以为您预约。</translation>
    </message>
    <message>
        <source>Coming soon: this kiosk cannot do this yet. Staff at the service desk can do it for you today.</source>
        <translation>即将推出：本机暂时还不能办理此项。今天可以请服务台的工作人员为您办理。</translation>
    </message>
    <message>
        <source>Call staff</source>
        <translation>呼叫工作人员</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>回到首页</translation>
    </message>
</context>
<context>
    <name>Consent</name>
    <message>
        <source>May staff member %1 help you?</source>
        <translation>工作人员 %1 可以协助您吗？</translation>
    </message>
    <message>
        <source>You decide. Both of you will see the screen. You can stop at any time with Finish at the top.</source>
        <translation>由您决定。您和工作人员都能看到屏幕。您可以随时点击上方的“结束协助”停止。</translation>
    </message>
    <message>
        <source>What is recorded: that this staff member helped you, the time, and each step taken for you (for example: booking sent). Not recorded in that record: your ID number or phone number. You type your own ID number and phone number, and you confirm a booking yourself. When you finish, everything you entered is cleared from this kiosk.</source>
        <translation>会记录：这位工作人员协助了您、时间，以及为您办理的每一步（例如：已提交预约）。记录中不包含您的身份证号和手机号。身份证号和手机号由您本人输入，预约也由您本人确认。结束后，您在本机输入的所有内容都会被清除。</translation>
    </message>
    <message>
        <source>Yes, please help me</source>
        <translation>好的，请帮我</translation>
    </message>
    <message>
        <source>No, thank you</source>
        <translation>不用了，谢谢</translation>
    </message>
</context>
<context>
    <name>Display</name>
    <message>
        <source>Window %1</source>
        <extracomment>calls kept on the board: the latest, and those before it areas listed with their waiting counts at most; more than fit are shown page by page how long a page of areas stays before the next (when they do not fit on one)</extracomment>
        <translation>%1 号窗口</translation>
    </message>
    <message>
        <source>Now calling</source>
        <extracomment>the platform, once connected (``attach_central``, from ``ui.app.SyncHookup``) the platform refuses this device the board (not enrolled as a display) when each call was first shown (time.perf_counter), for the latency benchmark</extracomment>
        <translation>正在呼叫</translation>
    </message>
    <message>
        <source>Called before</source>
        <translation>刚才呼叫</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <source>No number has been called yet today.</source>
        <translation>今天还没有呼叫号码。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接……</translation>
    </message>
    <message>
        <source>Calls are not spoken on this screen: please watch for your number.</source>
        <translation>本屏暂不能语音叫号，请留意屏幕上的号码。</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 人</translation>
    </message>
    <message>
        <source>Network down: the calls shown may not be the latest (last update %1).</source>
        <translation>网络中断，叫号信息可能不是最新（最后更新 %1）</translation>
    </message>
    <message>
        <source>Network down: the calls cannot be shown until it is back.</source>
        <translation>网络中断，网络恢复后才能显示叫号信息</translation>
    </message>
</context>
<context>
    <name>Footer</name>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 返回</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>朗读</translation>
    </message>
    <message>
        <source>Call staff</source>
        <translation>呼叫工作人员</translation>
    </message>
</context>
<context>
    <name>Groups</name>
    <message>
        <source>1 service</source>
        <extracomment>each group&apos;s icon (ui/icons/) by its catalogue code; a group not named here gets the kind&apos;s own (GroupScreen.default_icon)</extracomment>
        <translation>1 项服务</translation>
    </message>
    <message>
        <source>%1 services</source>
        <translation>%1 项服务</translation>
    </message>
    <message>
        <source>By department</source>
        <extracomment>the matter_list argument that names a group of this kind the icon of a group GROUP_ICONS does not name</extracomment>
        <translation>按部门找</translation>
    </message>
    <message>
        <source>Choose the department.</source>
        <translation>请选择部门。</translation>
    </message>
    <message>
        <source>By life event</source>
        <translation>按人生事件找</translation>
    </message>
    <message>
        <source>Everything for one event, together.</source>
        <translation>一件事，一次办。</translation>
    </message>
</context>
<context>
    <name>HandBack</name>
    <message>
        <source>Finish and clear the screen?</source>
        <translation>结束并清除屏幕内容？</translation>
    </message>
    <message>
        <source>Take any slip you printed. Then everything entered here is cleared, and the staff member is signed out.</source>
        <translation>请先取走打印的凭条。之后这里输入的所有内容都会被清除，工作人员也会退出登录。</translation>
    </message>
    <message>
        <source>If you are not finished, choose Continue: nothing is lost.</source>
        <translation>如果还没办完，请选“继续”：内容不会丢失。</translation>
    </message>
    <message>
        <source>Finish and clear</source>
        <translation>结束并清除</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>Handwriting</name>
    <message>
        <source>Undo</source>
        <extracomment>candidate buttons in a row: standard and 长辈版 (fewer, wider) a candidate tapped: the character to add to the search words Delete tapped: the last character of the search words goes candidates shown (after each recognition; empty when the pad is cleared)</extracomment>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>重写</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Write one character here</source>
        <translation>请在此写一个字</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>Change language</source>
        <extracomment>filled by the sync worker (online / offline since … / N waiting)</extracomment>
        <translation>切换语言</translation>
    </message>
    <message>
        <source>长辈版: on</source>
        <translation>长辈版：开</translation>
    </message>
    <message>
        <source>长辈版: off</source>
        <translation>长辈版：关</translation>
    </message>
    <message>
        <source>Large text for older people</source>
        <translation>长辈版，大字体</translation>
    </message>
</context>
<context>
    <name>HelpRequests</name>
    <message>
        <source>booking an appointment</source>
        <translation>预约办事</translation>
    </message>
    <message>
        <source>start</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>find a service</source>
        <translation>办事指南</translation>
    </message>
    <message>
        <source>search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>list of services</source>
        <translation>事项列表</translation>
    </message>
    <message>
        <source>a service&apos;s guide</source>
        <translation>事项详情</translation>
    </message>
    <message>
        <source>my appointments</source>
        <translation>我的预约</translation>
    </message>
    <message>
        <source>queue number</source>
        <translation>取号</translation>
    </message>
    <message>
        <source>e-certificate</source>
        <translation>扫码亮证</translation>
    </message>
    <message>
        <source>not available yet</source>
        <translation>暂未开通</translation>
    </message>
    <message>
        <source>The resident is told: %1 is on the way.</source>
        <extracomment>the calls shown, in the order they came; None: not asked yet per call shown: (the call, its &quot;I&apos;ll go&quot; button or None, its &quot;Done&quot; button)</extracomment>
        <translation>已告诉居民：%1 正在赶来。</translation>
    </message>
    <message>
        <source>%1 is already on the way.</source>
        <translation>%1 已经在赶去了。</translation>
    </message>
    <message>
        <source>The call is closed.</source>
        <translation>这次呼叫已结束。</translation>
    </message>
    <message>
        <source>The platform does not know your staff number (an account of this kiosk only?), so you cannot answer calls.</source>
        <translation>平台上没有您的工号（可能只是本机的账号），不能处理呼叫。</translation>
    </message>
    <message>
        <source>This call has already ended.</source>
        <translation>这次呼叫已经结束了。</translation>
    </message>
    <message>
        <source>The platform cannot be reached just now. Please try again.</source>
        <translation>暂时连不上平台，请再试一次。</translation>
    </message>
    <message>
        <source>Residents calling for staff: %1</source>
        <translation>居民呼叫：%1 个</translation>
    </message>
    <message>
        <source>This kiosk is not connected to the platform, so residents&apos; calls cannot be shown here.</source>
        <translation>本机没有连上平台，这里看不到居民的呼叫。</translation>
    </message>
    <message>
        <source>The platform cannot be reached just now: this list may be out of date.</source>
        <translation>暂时连不上平台，下面的呼叫可能不是最新的。</translation>
    </message>
    <message>
        <source>Looking for calls…</source>
        <translation>正在查看呼叫……</translation>
    </message>
    <message>
        <source>No resident is calling for staff now.</source>
        <translation>现在没有居民呼叫。</translation>
    </message>
    <message>
        <source>I&apos;ll go</source>
        <translation>我去处理</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已处理完</translation>
    </message>
    <message>
        <source>Called at %3 — %1 — screen: %2</source>
        <translation>%3 呼叫 · %1 · 页面：%2</translation>
    </message>
    <message>
        <source>%1 is on the way (since %2)</source>
        <translation>%1 正在赶去（%2 起）</translation>
    </message>
    <message>
        <source>⚠ Waiting a long time: raised again (%1)</source>
        <translation>⚠ 等了很久没人回应，已再次提醒（第 %1 次）</translation>
    </message>
    <message>
        <source>Nobody has answered yet</source>
        <translation>还没有人回应</translation>
    </message>
</context>
<context>
    <name>Home</name>
    <message>
        <source>What would you like to do?</source>
        <translation>我要办什么？</translation>
    </message>
    <message>
        <source>Tap one of the big buttons.</source>
        <translation>请点击下面的大按钮。</translation>
    </message>
    <message>
        <source>Find a service</source>
        <translation>办事指南</translation>
    </message>
    <message>
        <source>What to bring, where to go</source>
        <translation>带什么材料，去哪里办</translation>
    </message>
    <message>
        <source>Elderly services zone</source>
        <translation>老年人服务专区</translation>
    </message>
    <message>
        <source>Pension, senior card, medical insurance</source>
        <translation>养老金、优待证、医保</translation>
    </message>
    <message>
        <source>Show my e-certificate</source>
        <translation>扫码亮证</translation>
    </message>
    <message>
        <source>Scan the QR code on your phone</source>
        <translation>出示手机上的二维码</translation>
    </message>
    <message>
        <source>Book an appointment</source>
        <translation>预约办事</translation>
    </message>
    <message>
        <source>Choose a day and time</source>
        <translation>选择日期和时间</translation>
    </message>
    <message>
        <source>My appointments / check in</source>
        <translation>我的预约 / 签到取号</translation>
    </message>
    <message>
        <source>Take a queue number</source>
        <translation>签到、取号</translation>
    </message>
    <message>
        <source>Call staff</source>
        <translation>呼叫工作人员</translation>
    </message>
    <message>
        <source>A person will help you</source>
        <translation>有人来帮您</translation>
    </message>
</context>
<context>
    <name>IdCard</name>
    <message>
        <source>ID card read: %1, %2</source>
        <extracomment>waiting for a card | a card was read | the card was expired | a read failed</extracomment>
        <translation>已读取身份证：%1，%2</translation>
    </message>
    <message>
        <source>This ID card expired on %1 and cannot be used. Please use a valid card, or type the number on the keypad.</source>
        <translation>这张身份证已于 %1 过期，不能使用。请换一张有效的身份证，或用键盘输入号码。</translation>
    </message>
    <message>
        <source>The card could not be read. Please lay it flat on the reader and keep it still, or type the number on the keypad.</source>
        <translation>没有读出这张卡。请把身份证平放在读卡区，不要移动；或者用键盘输入号码。</translation>
    </message>
    <message>
        <source>This card is not a resident ID card the kiosk can use. Please type the number on the keypad.</source>
        <translation>这张卡不是本机能读的居民身份证。请用键盘输入号码。</translation>
    </message>
    <message>
        <source>The card reader is not working just now. Please type the number on the keypad.</source>
        <translation>读卡器暂时不能使用。请用键盘输入号码。</translation>
    </message>
    <message>
        <source>No ID card? Type the number</source>
        <extracomment>the other ways a screen offers (a booking code to scan…), beside the keypad&apos;s a way that takes a line of its own, under them</extracomment>
        <translation>没有身份证？用键盘输入</translation>
    </message>
</context>
<context>
    <name>Idle</name>
    <message>
        <source>To protect your privacy, the screen will be cleared in 1 second.</source>
        <translation>为保护您的隐私，屏幕将在 1 秒后清空。</translation>
    </message>
    <message>
        <source>To protect your privacy, the screen will be cleared in %1 seconds.</source>
        <translation>为保护您的隐私，屏幕将在 %1 秒后清空。</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>Delete</source>
        <extracomment>where each key sits: (row, column, row span, column span)</extracomment>
        <translation>删除</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>All 18 typed: please check them.</source>
        <extracomment>an ID number&apos;s length, and how it is grouped on screen: region, birth date, the rest a mainland mobile number as it is read out: 138 0013 8000</extracomment>
        <translation>已输入 18 位，请核对</translation>
    </message>
    <message>
        <source>%1 of 18 typed, %2 to go.</source>
        <translation>已输入 %1 位，还差 %2 位</translation>
    </message>
</context>
<context>
    <name>Matter</name>
    <message>
        <source>On the spot</source>
        <translation>即办</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>免费</translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <source>Original</source>
        <extracomment>how soon the window&apos;s called number is asked for again after the network was down</extracomment>
        <translation>原件</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复印件</translation>
    </message>
    <message>
        <source>Original and copy</source>
        <translation>原件和复印件</translation>
    </message>
    <message>
        <source>Electronic</source>
        <translation>电子版</translation>
    </message>
    <message>
        <source>1 working day</source>
        <translation>1 个工作日</translation>
    </message>
    <message>
        <source>%1 working days</source>
        <translation>%1 个工作日</translation>
    </message>
    <message>
        <source>%1 copies</source>
        <translation>%1 份</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必须提供</translation>
    </message>
    <message>
        <source>if it applies</source>
        <translation>如适用</translation>
    </message>
    <message>
        <source>① What it takes</source>
        <translation>① 办事须知</translation>
    </message>
    <message>
        <source>② What to bring</source>
        <translation>② 要带的材料</translation>
    </message>
    <message>
        <source>③ Take it with you</source>
        <translation>③ 带到手机上</translation>
    </message>
    <message>
        <source>Service not found</source>
        <translation>没有找到这项服务</translation>
    </message>
    <message>
        <source>Go back and choose another service.</source>
        <translation>请返回，选择其他服务。</translation>
    </message>
    <message>
        <source>Read what it takes, then tick what you have.</source>
        <translation>先看办事须知，再勾选您已带的材料。</translation>
    </message>
    <message>
        <source>Book a time</source>
        <translation>预约办理</translation>
    </message>
    <message>
        <source>Where to book</source>
        <translation>去哪里预约</translation>
    </message>
    <message>
        <source>%1 (this hall)</source>
        <translation>%1（就是这里）</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>可以</translation>
    </message>
    <message>
        <source>No</source>
        <translation>暂不支持</translation>
    </message>
    <message>
        <source>Not at this hall (see Halls)</source>
        <translation>这里不能预约（见“办理大厅”）</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>办理部门</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>办理地点</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>跑动次数</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>收费</translation>
    </message>
    <message>
        <source>Done within</source>
        <translation>承诺时限</translation>
    </message>
    <message>
        <source>Legal time limit</source>
        <translation>法定时限</translation>
    </message>
    <message>
        <source>Can be done online</source>
        <translation>网上可办</translation>
    </message>
    <message>
        <source>Can be booked</source>
        <translation>可以预约</translation>
    </message>
    <message>
        <source>Staff can do it for you</source>
        <translation>可帮办代办</translation>
    </message>
    <message>
        <source>Halls</source>
        <translation>办理大厅</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>1 item — see ② What to bring</source>
        <translation>共 1 项，见 ② 要带的材料</translation>
    </message>
    <message>
        <source>%1 items — see ② What to bring</source>
        <translation>共 %1 项，见 ② 要带的材料</translation>
    </message>
    <message>
        <source>You need not bring this</source>
        <translation>无需自带</translation>
    </message>
    <message>
        <source>✓ I have it</source>
        <translation>✓ 我已带好</translation>
    </message>
    <message>
        <source>☐ I still need it — tap when you have it</source>
        <translation>☐ 还需要准备，带好后请点一下</translation>
    </message>
    <message>
        <source>There is nothing to bring for this service.</source>
        <translation>办理这项业务无需自带材料。</translation>
    </message>
    <message>
        <source>You have %1 of %2. Tap each item you have with you.</source>
        <translation>已带好 %1 项，共 %2 项。请点击您已带好的材料。</translation>
    </message>
    <message>
        <source>The phone link is not set up on this kiosk. Please ask staff.</source>
        <translation>本机还没有设置手机链接，请咨询工作人员。</translation>
    </message>
    <message>
        <source>Scan this code with your phone camera or WeChat to take the guide and your checklist with you.</source>
        <translation>用手机相机或微信扫描这个二维码，把办事指南和您的材料清单带走。</translation>
    </message>
    <message>
        <source>Still to get: %1</source>
        <translation>还需要准备：%1</translation>
    </message>
    <message>
        <source>You have everything that is required.</source>
        <translation>必需的材料您都带齐了。</translation>
    </message>
    <message>
        <source>QR code to take this guide to your phone</source>
        <translation>把办事指南带到手机上的二维码</translation>
    </message>
    <message>
        <source>No visit needed</source>
        <translation>不用跑腿</translation>
    </message>
    <message>
        <source>1 visit to the hall</source>
        <translation>最多跑 1 次</translation>
    </message>
    <message>
        <source>%1 visits to the hall</source>
        <translation>最多跑 %1 次</translation>
    </message>
</context>
<context>
    <name>MatterList</name>
    <message>
        <source>Book an appointment</source>
        <translation>预约办事</translation>
    </message>
    <message>
        <source>Most used services</source>
        <translation>常办事项</translation>
    </message>
    <message>
        <source>Choose the service, then tap “Book a time”.</source>
        <translation>请选择事项，再点“预约办理”。</translation>
    </message>
    <message>
        <source>Tap a service to see what to bring.</source>
        <translation>点击事项，查看要带的材料。</translation>
    </message>
</context>
<context>
    <name>Pager</name>
    <message>
        <source>◀ Previous page</source>
        <extracomment>the page asked for (the bar&apos;s owner shows it, then calls ``show_page``)</extracomment>
        <translation>◀ 上一页</translation>
    </message>
    <message>
        <source>Next page ▶</source>
        <translation>下一页 ▶</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>The printer is not available.</source>
        <translation>打印机不可用。</translation>
    </message>
    <message>
        <source>The slip cannot be printed. Please ask staff.</source>
        <translation>凭条无法打印，请咨询工作人员。</translation>
    </message>
    <message>
        <source>No printer here: the slip was saved for staff to print.</source>
        <translation>本机没有打印机：凭条已保存，可请工作人员打印。</translation>
    </message>
    <message>
        <source>Printing… please take your slip.</source>
        <translation>正在打印……请取走凭条。</translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <source>Network down: the queue cannot be checked just now.</source>
        <extracomment>how often the count is asked again while the ticket is on the screen</extracomment>
        <translation>网络中断，暂时无法查询排队人数</translation>
    </message>
    <message>
        <source>Checking the queue…</source>
        <translation>正在查询排队人数……</translation>
    </message>
    <message>
        <source>Your number is being called: please go to window %1.</source>
        <translation>正在呼叫您的号码，请到 %1 号窗口办理</translation>
    </message>
    <message>
        <source>You are next: please watch the calling screen.</source>
        <translation>下一位就是您，请留意叫号屏</translation>
    </message>
    <message>
        <source>1 person ahead of you</source>
        <translation>前面还有 1 人</translation>
    </message>
    <message>
        <source>%1 people ahead of you</source>
        <translation>前面还有 %1 人</translation>
    </message>
</context>
<context>
    <name>Rating</name>
    <message>
        <source>Not saved</source>
        <translation>评价没有保存</translation>
    </message>
    <message>
        <source>This kiosk is not connected: please tell staff at the desk.</source>
        <translation>本机没有连接服务平台，请告诉服务台的工作人员。</translation>
    </message>
    <message>
        <source>Your rating was not accepted</source>
        <translation>评价没有被接受</translation>
    </message>
    <message>
        <source>Please tell staff at the desk what you think.</source>
        <translation>请把您的意见告诉服务台的工作人员。</translation>
    </message>
    <message>
        <source>Write or type a few words (optional)</source>
        <extracomment>the longest comment kept (a few sentences; the follow-up calls the resident for more)</extracomment>
        <translation>手写或打字，说说您的意见（可不填）</translation>
    </message>
    <message>
        <source>Your comment</source>
        <translation>评价意见</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>键盘</translation>
    </message>
    <message>
        <source>Handwriting</source>
        <translation>手写</translation>
    </message>
    <message>
        <source>How satisfied are you with this service?</source>
        <translation>您对本次服务满意吗？</translation>
    </message>
    <message>
        <source>What went wrong? (Tap one or more)</source>
        <translation>哪里让您不满意？（可多选）</translation>
    </message>
    <message>
        <source>Anything to add? (optional)</source>
        <translation>还有什么想说的吗？（可不填）</translation>
    </message>
    <message>
        <source>May staff call you back?</source>
        <translation>需要工作人员回访您吗？</translation>
    </message>
    <message>
        <source>Thank you for your rating</source>
        <extracomment>how long the thank-you waits for the platform before it says &quot;saved, will be sent&quot;</extracomment>
        <translation>感谢您的评价</translation>
    </message>
    <message>
        <source>Tap a face. Your rating helps the hall do better.</source>
        <translation>请点一个表情。您的评价能帮助我们改进服务。</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Send rating</source>
        <translation>提交评价</translation>
    </message>
    <message>
        <source>Send with my number</source>
        <translation>留号码并提交</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>No rating</source>
        <translation>不评价</translation>
    </message>
    <message>
        <source>Send without a number</source>
        <translation>匿名提交</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>办理事项：%1</translation>
    </message>
    <message>
        <source>Leave a mobile number and staff will call you about this rating only; without one, it is anonymous.</source>
        <translation>留下手机号，工作人员只会就这次评价给您回电话；不留也可以，评价是匿名的。</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>It has reached the service centre.</source>
        <translation>评价已送达服务中心。</translation>
    </message>
    <message>
        <source>Already rated</source>
        <translation>已经评价过了</translation>
    </message>
    <message>
        <source>This service was already rated for this visit; one rating is kept.</source>
        <translation>这次办理已经评价过，每次办理只保留一条评价。</translation>
    </message>
    <message>
        <source>Saved on this kiosk. The network is down just now; it will be sent by itself when it is back. You need not rate again.</source>
        <translation>评价已保存在本机。网络暂时中断，恢复后会自动发送，您不用再评价。</translation>
    </message>
    <message>
        <source>Saved. Sending…</source>
        <translation>已保存，正在发送……</translation>
    </message>
</context>
<context>
    <name>Scan</name>
    <message>
        <source>✓ Genuine and valid (checked on this kiosk)</source>
        <extracomment>the card wipes itself after this long without a tap</extracomment>
        <translation>✓ 证照真实有效（本机核验）</translation>
    </message>
    <message>
        <source>✓ Genuine and valid (checked online)</source>
        <translation>✓ 证照真实有效（联网核验）</translation>
    </message>
    <message>
        <source>✗ This code has expired. Refresh it on your phone and show it again.</source>
        <translation>✗ 二维码已过期。请在手机上刷新后再出示。</translation>
    </message>
    <message>
        <source>✗ This code is not valid yet. Check the time on your phone.</source>
        <translation>✗ 二维码尚未生效。请检查手机时间。</translation>
    </message>
    <message>
        <source>✗ This code was used already. Refresh it on your phone.</source>
        <translation>✗ 这个二维码已经用过了。请在手机上刷新。</translation>
    </message>
    <message>
        <source>✗ This code comes from an issuer this kiosk does not know.</source>
        <translation>✗ 本机不认识这个二维码的签发机构。</translation>
    </message>
    <message>
        <source>✗ This code could not be confirmed as genuine.</source>
        <translation>✗ 无法确认这个二维码是真实的。</translation>
    </message>
    <message>
        <source>✗ This certificate has been revoked.</source>
        <translation>✗ 这个证照已被注销。</translation>
    </message>
    <message>
        <source>Cannot check: this kiosk&apos;s list of issuers is out of date. Please ask staff.</source>
        <translation>无法核验：本机的签发机构名单已过期。请咨询工作人员。</translation>
    </message>
    <message>
        <source>Cannot check: this kiosk has no list of issuers yet. Please ask staff.</source>
        <translation>无法核验：本机还没有签发机构名单。请咨询工作人员。</translation>
    </message>
    <message>
        <source>This code can only be checked online, and the kiosk is offline. Please ask staff.</source>
        <translation>这个二维码只能联网核验，本机现在离线。请咨询工作人员。</translation>
    </message>
    <message>
        <source>This is a web link, not a certificate.</source>
        <translation>这是一个网页链接，不是证照。</translation>
    </message>
    <message>
        <source>This is a booking voucher: use “My appointments / check in” to check in.</source>
        <translation>这是预约凭证：请到“我的预约 / 签到取号”签到。</translation>
    </message>
    <message>
        <source>✗ The platform does not know this code.</source>
        <translation>✗ 平台不认识这个二维码。</translation>
    </message>
    <message>
        <source>This code can&apos;t be read here.</source>
        <translation>本机无法识别这个二维码。</translation>
    </message>
    <message>
        <source>Resident ID card (electronic)</source>
        <translation>居民身份证（电子证照）</translation>
    </message>
    <message>
        <source>Driving licence (electronic)</source>
        <translation>机动车驾驶证（电子证照）</translation>
    </message>
    <message>
        <source>Business licence (electronic)</source>
        <translation>营业执照（电子证照）</translation>
    </message>
    <message>
        <source>Social security card (electronic)</source>
        <translation>社会保障卡（电子证照）</translation>
    </message>
    <message>
        <source>The certificate itself is genuine.</source>
        <translation>证照本身是真实的。</translation>
    </message>
    <message>
        <source>Please refresh the code</source>
        <translation>请刷新二维码</translation>
    </message>
    <message>
        <source>Cannot check it just now</source>
        <extracomment>a verdict, or why no code can be read; ``_said`` says it again in another language asking the platform (an opaque token, a voucher): further reads wait for it</extracomment>
        <translation>暂时无法核验</translation>
    </message>
    <message>
        <source>Not an e-certificate</source>
        <translation>这不是电子证照</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>未通过核验</translation>
    </message>
    <message>
        <source>This booking voucher cannot be looked up just now. Please ask staff.</source>
        <translation>暂时无法查询这张预约凭证，请咨询工作人员。</translation>
    </message>
    <message>
        <source>Checking with the platform…</source>
        <translation>正在向平台核验……</translation>
    </message>
    <message>
        <source>The camera is not working. You can type your ID number instead, or call staff.</source>
        <translation>摄像头无法使用。您可以改为输入身份证号码，或呼叫工作人员。</translation>
    </message>
    <message>
        <source>Cannot scan here just now</source>
        <translation>暂时无法扫码</translation>
    </message>
    <message>
        <source>Scan your booking code</source>
        <translation>扫预约码签到</translation>
    </message>
    <message>
        <source>Hold the QR code on your booking slip or phone inside the yellow frame.</source>
        <translation>请把预约凭条或手机上的二维码放在黄色框里。</translation>
    </message>
    <message>
        <source>Show my e-certificate</source>
        <translation>扫码亮证</translation>
    </message>
    <message>
        <source>Open the certificate&apos;s QR code on your phone and hold it inside the yellow frame.</source>
        <translation>请在手机上打开证照二维码，对准黄色方框。</translation>
    </message>
    <message>
        <source>No code? Type my ID number</source>
        <translation>没有二维码？输入身份证号码</translation>
    </message>
    <message>
        <source>Call staff</source>
        <translation>呼叫工作人员</translation>
    </message>
    <message>
        <source>Use for my booking</source>
        <translation>用于我的预约</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Your certificate</source>
        <translation>您的证照</translation>
    </message>
    <message>
        <source>This screen clears itself in one minute.</source>
        <translation>本页面一分钟后自动清除。</translation>
    </message>
    <message>
        <source>⚠ Status: ABNORMAL – please see the counter.</source>
        <extracomment>the picture in each certificate&apos;s band (ui/icons/) refusals the resident can put right on their phone refusals that are the kiosk&apos;s, not the code&apos;s</extracomment>
        <translation>⚠ 状态：异常——请到窗口咨询。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation>证照编号</translation>
    </message>
    <message>
        <source>Checked at</source>
        <translation>核验时间</translation>
    </message>
    <message>
        <source>Issuer list of</source>
        <translation>签发机构名单日期</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>Keyboard</source>
        <translation>键盘</translation>
    </message>
    <message>
        <source>Handwriting</source>
        <translation>手写</translation>
    </message>
    <message>
        <source>Search for a service</source>
        <translation>搜索办事事项</translation>
    </message>
    <message>
        <source>Type pinyin initials (sfz = 身份证), pinyin, Chinese or English.</source>
        <translation>可输入拼音首字母（sfz = 身份证）、全拼、中文或英文。</translation>
    </message>
    <message>
        <source>e.g. sbk, shebaoka, 社保卡, passport</source>
        <translation>例如 sbk、shebaoka、社保卡</translation>
    </message>
    <message>
        <source>Search words</source>
        <translation>搜索内容</translation>
    </message>
    <message>
        <source>Can&apos;t find it? Call staff</source>
        <translation>找不到？呼叫工作人员</translation>
    </message>
    <message>
        <source>Most used services:</source>
        <translation>常办事项：</translation>
    </message>
    <message>
        <source>1 service found:</source>
        <translation>找到 1 项：</translation>
    </message>
    <message>
        <source>%1 services found:</source>
        <translation>找到 %1 项：</translation>
    </message>
    <message>
        <source>Nothing found for “%1”. These may have it, or call staff:</source>
        <translation>没有找到“%1”。可以看看下面这些部门和生活事件，或者呼叫工作人员：</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Life event</source>
        <translation>生活事件</translation>
    </message>
</context>
<context>
    <name>Services</name>
    <message>
        <source>Find a service</source>
        <translation>办事指南</translation>
    </message>
    <message>
        <source>Search by typing, or choose a group.</source>
        <translation>输入文字搜索，或按类别查找。</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Type a few letters, e.g. sfz for 身份证</source>
        <translation>输入几个字母，如 sfz 找身份证</translation>
    </message>
    <message>
        <source>Most used</source>
        <translation>常办事项</translation>
    </message>
    <message>
        <source>What most people come for</source>
        <translation>大家最常办的事</translation>
    </message>
    <message>
        <source>By department</source>
        <translation>按部门找</translation>
    </message>
    <message>
        <source>Police, social security, tax…</source>
        <translation>公安、社保、税务……</translation>
    </message>
    <message>
        <source>By life event</source>
        <translation>按人生事件找</translation>
    </message>
    <message>
        <source>A baby, retiring, starting a business…</source>
        <translation>生孩子、退休、开公司……</translation>
    </message>
    <message>
        <source>Elderly services zone</source>
        <translation>老年人服务专区</translation>
    </message>
    <message>
        <source>Services for people aged 60 and over</source>
        <translation>60 岁以上老人的服务</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Sorry, something went wrong. Please start again.</source>
        <extracomment>screens where the resident types or confirms for themselves, even when assisted the first screen is on the display (once): what can wait starts then the sync worker and the screens&apos; access to the central platform, while attached (``attach_sync``, ``attach_central``, ``detach_central``) lock-down lets the window close only when this is True (an administrator&apos;s Exit) the ID-card reader&apos;s worker, when ``idcard_port`` names a reader</extracomment>
        <translation>抱歉，出了点问题。请重新开始。</translation>
    </message>
    <message>
        <source>This kiosk has no voice to read this language aloud.</source>
        <extracomment>screens never read by themselves: the attract loop, and staff&apos;s own screens the resident acting: reading stops (idle&apos;s wheel and input-method events do not)</extracomment>
        <translation>本机没有中文语音，无法朗读。</translation>
    </message>
    <message>
        <source>Read-aloud is not available on this kiosk.</source>
        <translation>本机暂不支持朗读。</translation>
    </message>
</context>
<context>
    <name>Speech</name>
    <message>
        <source>no speech engine</source>
        <translation>没有语音引擎</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>有</translation>
    </message>
    <message>
        <source>no</source>
        <translation>无</translation>
    </message>
    <message>
        <source>engine %1, voices for Chinese: %2, English: %3</source>
        <translation>引擎 %1，中文语音：%2，英文语音：%3</translation>
    </message>
</context>
<context>
    <name>SpeechBar</name>
    <message>
        <source>Reading aloud</source>
        <translation>正在朗读</translation>
    </message>
    <message>
        <source>Reading stopped</source>
        <translation>朗读已停止</translation>
    </message>
    <message>
        <source>volume %1 %</source>
        <translation>音量 %1%</translation>
    </message>
    <message>
        <source>■ Stop</source>
        <translation>■ 停止</translation>
    </message>
    <message>
        <source>↻ Repeat</source>
        <translation>↻ 重听</translation>
    </message>
    <message>
        <source>− Quieter</source>
        <translation>− 小声些</translation>
    </message>
    <message>
        <source>+ Louder</source>
        <translation>+ 大声些</translation>
    </message>
    <message>
        <source>Stop reading aloud</source>
        <translation>停止朗读</translation>
    </message>
    <message>
        <source>Read again from the start</source>
        <translation>从头再读一遍</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <source>Network: not connected to a central platform</source>
        <translation>网络：未连接政务服务平台</translation>
    </message>
    <message>
        <source>Network: online</source>
        <translation>网络：已联网</translation>
    </message>
    <message>
        <source>Network: offline since %1</source>
        <translation>网络：自 %1 起离线</translation>
    </message>
    <message>
        <source>Last problem: %1</source>
        <translation>最近的问题：%1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Last contact with the platform: %1</source>
        <translation>最近一次联系平台：%1</translation>
    </message>
    <message>
        <source>⚠ The oldest item has waited %1 min: check the network or the central platform</source>
        <translation>⚠ 最早的一条已等待 %1 分钟：请检查网络或政务服务平台</translation>
    </message>
    <message>
        <source>Oldest waiting item: %1 min</source>
        <translation>最早待发送的一条：%1 分钟</translation>
    </message>
    <message>
        <source>Staff list from the platform: %1</source>
        <translation>平台下发的工作人员名单：%1</translation>
    </message>
    <message>
        <source>E-certificate issuer list: none yet</source>
        <translation>电子证照签发机构名单：尚无</translation>
    </message>
    <message>
        <source>E-certificate issuer list: issued %1, checked %2</source>
        <translation>电子证照签发机构名单：%1 签发，%2 核对</translation>
    </message>
    <message>
        <source>Camera: %1</source>
        <translation>摄像头：%1</translation>
    </message>
    <message>
        <source>none (slips saved as PDF)</source>
        <translation>无（凭条保存为 PDF）</translation>
    </message>
    <message>
        <source>Printer: %1</source>
        <translation>打印机：%1</translation>
    </message>
    <message>
        <source>Outbox: %1 waiting, %2 sent, %3 refused, %4 need staff, %5 discarded</source>
        <translation>待发队列：%1 条待发送，%2 条已发送，%3 条被拒绝，%4 条需工作人员处理，%5 条已作废</translation>
    </message>
    <message>
        <source>Read-aloud: %1</source>
        <translation>朗读：%1</translation>
    </message>
    <message>
        <source>Version: %1 (Python %2)</source>
        <translation>版本：%1（Python %2）</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>ID-card reader: %1</source>
        <translation>身份证读卡器：%1</translation>
    </message>
    <message>
        <source>The kiosk&apos;s database cannot be read just now. Try again in a moment; if it stays, export the diagnostics for IT.</source>
        <extracomment>the oldest item waiting longer than this is called out (a blocked line) what the panel shows of the kiosk&apos;s database, read by ``refresh``</extracomment>
        <translation>暂时无法读取本机数据库。请稍后再试；如果一直这样，请导出诊断信息交给技术人员。</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>作废……</translation>
    </message>
    <message>
        <source>%1, made %2: %3</source>
        <translation>%1（%2 提交）：%3</translation>
    </message>
    <message>
        <source>A duplicate of another request</source>
        <translation>与另一条申请重复</translation>
    </message>
    <message>
        <source>Done at the counter instead</source>
        <translation>已在窗口办理</translation>
    </message>
    <message>
        <source>The resident withdrew it</source>
        <translation>群众已撤回</translation>
    </message>
    <message>
        <source>Wrong data; entered again correctly</source>
        <translation>信息有误，已重新正确录入</translation>
    </message>
    <message>
        <source>Keep it (go back)</source>
        <translation>保留（返回）</translation>
    </message>
    <message>
        <source>Put back in the line to send.</source>
        <translation>已放回待发送队列。</translation>
    </message>
    <message>
        <source>Why discard it? The record stays, marked discarded.</source>
        <translation>作废原因是什么？记录会保留，并标记为已作废。</translation>
    </message>
    <message>
        <source>Discarded, with the reason recorded.</source>
        <translation>已作废，并记录了原因。</translation>
    </message>
    <message>
        <source>Saved: new sessions start this way.</source>
        <translation>已保存：新的会话将按此设置开始。</translation>
    </message>
    <message>
        <source>The diagnostics could not be saved (the disk may be full or not writable). Please tell IT.</source>
        <translation>诊断信息未能保存（磁盘可能已满或无法写入），请告知技术人员。</translation>
    </message>
    <message>
        <source>Diagnostics export is not available here.</source>
        <translation>本机无法导出诊断信息。</translation>
    </message>
    <message>
        <source>Diagnostics saved (personal data removed): %1</source>
        <translation>诊断信息已保存（已去除个人信息）：%1</translation>
    </message>
    <message>
        <source>Demo: the central server is being stopped or started; watch the status at the top.</source>
        <translation>演示：正在停止或启动中心服务器，请留意顶部的状态。</translation>
    </message>
    <message>
        <source>Staff panel</source>
        <translation>工作人员面板</translation>
    </message>
    <message>
        <source>This kiosk&apos;s health and queue. Everything done here is recorded.</source>
        <translation>本机运行状况和待发队列。在这里的所有操作都会被记录。</translation>
    </message>
    <message>
        <source>Needs staff: %1</source>
        <translation>需工作人员处理：%1</translation>
    </message>
    <message>
        <source>The hall&apos;s defaults</source>
        <translation>大厅默认设置</translation>
    </message>
    <message>
        <source>Language at start</source>
        <translation>开始时的语言</translation>
    </message>
    <message>
        <source>Start in 长辈版</source>
        <translation>以长辈版开始</translation>
    </message>
    <message>
        <source>Read aloud by itself in 长辈版</source>
        <translation>长辈版自动朗读</translation>
    </message>
    <message>
        <source>Help a resident</source>
        <translation>协助群众办事</translation>
    </message>
    <message>
        <source>Export diagnostics</source>
        <translation>导出诊断信息</translation>
    </message>
    <message>
        <source>Demo: simulate a network outage</source>
        <translation>演示：模拟断网</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Exit the kiosk</source>
        <translation>退出自助终端程序</translation>
    </message>
    <message>
        <source>present</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>device %1 (checked when scanning)</source>
        <translation>设备 %1（扫码时检查）</translation>
    </message>
    <message>
        <source>none (residents type their ID number)</source>
        <translation>未接（居民用键盘输入身份证号）</translation>
    </message>
    <message>
        <source>not tried yet</source>
        <translation>尚未连接</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>找不到</translation>
    </message>
    <message>
        <source>not answering</source>
        <translation>没有响应</translation>
    </message>
    <message>
        <source>1 card read</source>
        <translation>已读 1 张卡</translation>
    </message>
    <message>
        <source>%1 cards read</source>
        <translation>已读 %1 张卡</translation>
    </message>
    <message>
        <source>last problem at %1: %2</source>
        <translation>最近一次问题（%1）：%2</translation>
    </message>
    <message>
        <source>the reader did not answer in time</source>
        <translation>读卡器没有及时响应</translation>
    </message>
    <message>
        <source>the reader&apos;s answers came garbled</source>
        <translation>读卡器返回的数据有误</translation>
    </message>
    <message>
        <source>the reader&apos;s answers stopped short</source>
        <translation>读卡器返回的数据不完整</translation>
    </message>
    <message>
        <source>the reader answered something it should not</source>
        <translation>读卡器返回了无法识别的内容</translation>
    </message>
    <message>
        <source>the card was taken away too soon</source>
        <translation>证件在读完之前被拿开</translation>
    </message>
    <message>
        <source>a card could not be read</source>
        <translation>有一张证件读不出来</translation>
    </message>
    <message>
        <source>a card held data that is not valid</source>
        <translation>证件里的信息无效</translation>
    </message>
    <message>
        <source>a card that is not a resident ID card</source>
        <translation>放入的不是居民身份证</translation>
    </message>
    <message>
        <source>the reader reports a fault of its own</source>
        <translation>读卡器报告自身故障</translation>
    </message>
    <message>
        <source>the reader&apos;s port cannot be opened (unplugged, or in use)</source>
        <translation>无法打开读卡器端口（未接好或被占用）</translation>
    </message>
    <message>
        <source>see the log</source>
        <translation>详见日志</translation>
    </message>
    <message>
        <source>On</source>
        <translation>开</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>holding a time</source>
        <translation>保留时段</translation>
    </message>
    <message>
        <source>a booking</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>cancelling a booking</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <source>a check-in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>a queue number</source>
        <translation>取号</translation>
    </message>
    <message>
        <source>a rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>a message</source>
        <translation>留言</translation>
    </message>
    <message>
        <source>a record of a staff action</source>
        <translation>工作人员操作记录</translation>
    </message>
    <message>
        <source>a call for staff</source>
        <translation>呼叫工作人员</translation>
    </message>
    <message>
        <source>a call for staff taken back</source>
        <translation>撤回呼叫</translation>
    </message>
    <message>
        <source>a submission</source>
        <translation>提交内容</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <source>this hall does not handle that service</source>
        <translation>本大厅不办理这项事项</translation>
    </message>
    <message>
        <source>the platform does not know this hall</source>
        <translation>平台上没有这个大厅</translation>
    </message>
    <message>
        <source>that service cannot be booked</source>
        <translation>这项事项不能预约</translation>
    </message>
    <message>
        <source>the ID number is not valid</source>
        <translation>身份证号码无效</translation>
    </message>
    <message>
        <source>the phone number is not valid</source>
        <translation>电话号码无效</translation>
    </message>
    <message>
        <source>the platform found the data incomplete or wrong</source>
        <translation>平台认为信息不完整或有误</translation>
    </message>
    <message>
        <source>the platform does not know this booking</source>
        <translation>平台上没有这个预约</translation>
    </message>
    <message>
        <source>the time was fully booked</source>
        <translation>该时间已约满</translation>
    </message>
    <message>
        <source>the resident already has a booking that day</source>
        <translation>群众当天已有预约</translation>
    </message>
    <message>
        <source>the day is outside the booking period</source>
        <translation>该日期不在可预约范围内</translation>
    </message>
    <message>
        <source>the time was too soon or had passed</source>
        <translation>该时间太近或已过去</translation>
    </message>
    <message>
        <source>the time is not a bookable time</source>
        <translation>该时间不是可预约的时段</translation>
    </message>
    <message>
        <source>the hall is closed that day</source>
        <translation>大厅当天不办公</translation>
    </message>
    <message>
        <source>outside the hall&apos;s opening hours</source>
        <translation>不在大厅办公时间内</translation>
    </message>
    <message>
        <source>the hall&apos;s calendar is not published that far ahead: ask IT to publish a newer one</source>
        <translation>大厅日历尚未发布到该日期，请联系技术人员发布新日历</translation>
    </message>
    <message>
        <source>the platform found the rating incomplete or wrong</source>
        <translation>平台认为评价内容不完整或有误</translation>
    </message>
    <message>
        <source>this visit was already rated</source>
        <translation>本次办事已经评价过</translation>
    </message>
    <message>
        <source>the rating named a service of another visit</source>
        <translation>评价的事项不属于本次办事</translation>
    </message>
    <message>
        <source>outside the check-in time</source>
        <translation>不在签到时间内</translation>
    </message>
    <message>
        <source>the booking was already cancelled</source>
        <translation>预约已取消</translation>
    </message>
    <message>
        <source>the booking was already checked in</source>
        <translation>预约已签到</translation>
    </message>
    <message>
        <source>the phone number did not match</source>
        <translation>电话号码不一致</translation>
    </message>
    <message>
        <source>cancelling is locked after wrong phone numbers</source>
        <translation>电话号码输错次数过多，已锁定取消</translation>
    </message>
    <message>
        <source>no phone number was given, so it cannot be cancelled here</source>
        <translation>预约时没有留电话号码，不能在本机取消</translation>
    </message>
    <message>
        <source>the platform does not know this call</source>
        <translation>平台上没有这次呼叫</translation>
    </message>
    <message>
        <source>the call had already ended</source>
        <translation>呼叫已结束</translation>
    </message>
    <message>
        <source>the platform does not know this staff number</source>
        <translation>平台上没有这个工号</translation>
    </message>
    <message>
        <source>the platform saw this submission with other data</source>
        <translation>平台收到过内容不同的同一条提交</translation>
    </message>
    <message>
        <source>the submission is too large</source>
        <translation>提交内容太大</translation>
    </message>
    <message>
        <source>the platform does not accept this kiosk: enrol it again</source>
        <translation>平台不接受本机：请重新登记本机</translation>
    </message>
    <message>
        <source>this device was enrolled in a role that may not send this: enrol it with a code of its role</source>
        <translation>本机登记的设备类型不能发送此项：请用相应类型的登记码重新登记</translation>
    </message>
    <message>
        <source>the platform did not answer in time</source>
        <translation>平台没有及时应答</translation>
    </message>
    <message>
        <source>the platform cannot be reached</source>
        <translation>连不上平台</translation>
    </message>
    <message>
        <source>the answer was cut off</source>
        <translation>平台的应答不完整</translation>
    </message>
    <message>
        <source>the answer could not be read</source>
        <translation>无法读取平台的应答</translation>
    </message>
    <message>
        <source>the answer was too large</source>
        <translation>平台的应答太大</translation>
    </message>
    <message>
        <source>an error in the kiosk&apos;s program</source>
        <translation>本机程序出错</translation>
    </message>
    <message>
        <source>the platform is busy</source>
        <translation>平台繁忙</translation>
    </message>
    <message>
        <source>a list from the platform failed its signature check</source>
        <translation>平台下发的名单未通过签名核验</translation>
    </message>
    <message>
        <source>another problem (code %1)</source>
        <translation>其他问题（代码 %1）</translation>
    </message>
</context>
<context>
    <name>StaffSignIn</name>
    <message>
        <source>Type your staff number first.</source>
        <translation>请先输入工号。</translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation>请输入 PIN 码。</translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>现在可以再试一次。</translation>
    </message>
    <message>
        <source>Staff sign-in is not available on this kiosk: its secure credential store is missing or was reset, or no staff accounts are set up. Ask the hall&apos;s IT staff.</source>
        <translation>本机暂时无法进行工作人员登录：安全凭据存储缺失或已被重置，或尚未设置工作人员账号。请联系大厅的信息技术人员。</translation>
    </message>
    <message>
        <source>The staff list on this kiosk is too old to trust. Connect the kiosk to the network so it can fetch the list again, then sign in.</source>
        <translation>本机的工作人员名单太久没有更新，不能使用。请把本机连上网络，重新获取名单后再登录。</translation>
    </message>
    <message>
        <source>Locked after too many wrong PINs, for %1 more minutes. IT can unlock it sooner on this kiosk&apos;s command line (kiosk staff unlock).</source>
        <translation>PIN 码错误次数过多，已锁定，还需 %1 分钟。信息技术人员可在本机命令行提前解锁（kiosk staff unlock）。</translation>
    </message>
    <message>
        <source>Wrong staff number or PIN. Wait %1 s before trying again.</source>
        <translation>工号或 PIN 码错误。请等待 %1 秒后再试。</translation>
    </message>
    <message>
        <source>Wrong staff number or PIN. %1 more tries before a wait.</source>
        <translation>工号或 PIN 码错误。再错 %1 次后需要等待。</translation>
    </message>
    <message>
        <source>Staff sign-in</source>
        <translation>工作人员登录</translation>
    </message>
    <message>
        <source>Type your staff number, then press Next.</source>
        <translation>请输入工号，然后点“下一步”。</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Type your PIN (6 to 8 digits), then press Sign in.</source>
        <translation>请输入 PIN 码（6 至 8 位数字），然后点“登录”。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
</context>
<context>
    <name>StatusChip</name>
    <message>
        <source>⚠ Not accepted by the platform</source>
        <translation>⚠ 平台未接受本机</translation>
    </message>
    <message>
        <source>… Connecting</source>
        <translation>正在连接……</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● 已联网</translation>
    </message>
    <message>
        <source>○ Offline since %1</source>
        <translation>○ 自 %1 起离线</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ 离线</translation>
    </message>
    <message>
        <source>1 waiting to send</source>
        <translation>1 条待发送</translation>
    </message>
    <message>
        <source>%1 waiting to send</source>
        <translation>%1 条待发送</translation>
    </message>
    <message>
        <source>1 needs staff</source>
        <translation>1 条需工作人员处理</translation>
    </message>
    <message>
        <source>%1 need staff</source>
        <translation>%1 条需工作人员处理</translation>
    </message>
    <message>
        <source>⚠ Some services are unavailable: please ask staff</source>
        <translation>⚠ 部分服务暂不可用，请咨询工作人员</translation>
    </message>
    <message>
        <source>○ Network down: looking things up still works</source>
        <translation>○ 网络暂时中断，查询不受影响</translation>
    </message>
</context>
<context>
    <name>Ticket</name>
    <message>
        <source>Your queue number</source>
        <translation>您的排队号</translation>
    </message>
    <message>
        <source>Green channel: the priority window for residents aged 60 and over</source>
        <translation>绿色通道：60 岁及以上老年人优先窗口</translation>
    </message>
    <message>
        <source>Please wait near: %1</source>
        <translation>请到这里等候：%1</translation>
    </message>
    <message>
        <source>Please watch the calling screen for your number.</source>
        <translation>请留意叫号屏，等候叫到您的号。</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Scan with your phone</source>
        <translation>用手机扫码带走</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Rate this service</source>
        <translation>评价本次服务</translation>
    </message>
    <message>
        <source>QR code of your queue number</source>
        <translation>排队号二维码</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>To another window: its number</source>
        <translation>转到其他窗口：输入窗口号</translation>
    </message>
    <message>
        <source>Or back to an area&apos;s queue:</source>
        <translation>或转回某个区域排队：</translation>
    </message>
    <message>
        <source>Transfer to this window</source>
        <translation>转到这个窗口</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Window number</source>
        <translation>窗口号</translation>
    </message>
    <message>
        <source>Network down: this window&apos;s called number cannot be checked just now. Nothing is lost.</source>
        <translation>网络中断，暂时查不到本窗口正在办理的号码。信息没有丢失。</translation>
    </message>
    <message>
        <source>Nobody is waiting for this window just now.</source>
        <translation>现在没有人在等候本窗口。</translation>
    </message>
    <message>
        <source>%1 marked as not present.</source>
        <translation>%1 已标记为过号。</translation>
    </message>
    <message>
        <source>%1 served.</source>
        <translation>%1 已办结。</translation>
    </message>
    <message>
        <source>window %1</source>
        <translation>%1 号窗口</translation>
    </message>
    <message>
        <source>%1 transferred to %2.</source>
        <translation>%1 已转到 %2。</translation>
    </message>
    <message>
        <source>Now serving</source>
        <translation>正在办理</translation>
    </message>
    <message>
        <source>No number called</source>
        <translation>没有呼叫中的号码</translation>
    </message>
    <message>
        <source>Green channel (60 and over)</source>
        <translation>绿色通道（60 岁以上）</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Press Call next to call a number.</source>
        <translation>点“叫下一位”呼叫号码。</translation>
    </message>
    <message>
        <source>Called once.</source>
        <translation>已呼叫 1 次。</translation>
    </message>
    <message>
        <source>Called %1 times. No-show possible after %2 recalls.</source>
        <translation>已呼叫 %1 次。重呼 %2 次后可以标记过号。</translation>
    </message>
    <message>
        <source>Called %1 times: you may mark a no-show.</source>
        <translation>已呼叫 %1 次，可以标记过号。</translation>
    </message>
    <message>
        <source>What the resident should have brought:</source>
        <translation>群众应带的材料：</translation>
    </message>
    <message>
        <source>The catalogue lists no materials for this matter.</source>
        <translation>事项目录里没有列出这项业务的材料。</translation>
    </message>
    <message>
        <source>Call next</source>
        <translation>叫下一位</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>重呼</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转移</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Nobody has used this terminal for a while: signing out in %1 s. Touch the screen to stay signed in.</source>
        <extracomment>the ticket being rated: (ticket, matter) ; the tickets rated at this window today</extracomment>
        <translation>本终端已有一段时间无人操作，%1 秒后将退出登录。触摸屏幕可继续使用。</translation>
    </message>
    <message>
        <source>Signed out: the terminal was not used for a while. The ticket at this window is kept; sign in to go on.</source>
        <translation>已因长时间无人操作退出登录。本窗口正在办理的号码已保留，重新登录即可继续。</translation>
    </message>
    <message>
        <source>%1 · Window %2</source>
        <translation>%1 · %2 号窗口</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Network down: nothing was done. Press again when the network is back; nothing is lost.</source>
        <translation>网络中断，这一步没有执行。网络恢复后再按一次，信息不会丢失。</translation>
    </message>
    <message>
        <source>The platform is busy: nothing was done. Press again in a moment.</source>
        <translation>服务平台繁忙，这一步没有执行。请稍后再按一次。</translation>
    </message>
    <message>
        <source>The platform gave an answer this terminal cannot read. Press again; if it keeps happening, call hall IT.</source>
        <translation>服务平台的回复无法识别。请再按一次；如果一直这样，请联系大厅信息技术人员。</translation>
    </message>
    <message>
        <source>Something went wrong: nothing was done. Press again.</source>
        <translation>出了点问题，这一步没有执行。请再按一次。</translation>
    </message>
    <message>
        <source>This window still has a number called: finish it (Served, No-show or Transfer) first.</source>
        <translation>本窗口还有正在呼叫的号码，请先处理（办结、过号或转移）。</translation>
    </message>
    <message>
        <source>Recall the number first: a no-show can be marked only after the hall&apos;s number of recalls.</source>
        <translation>请先重呼：重呼达到大厅规定的次数后才能标记过号。</translation>
    </message>
    <message>
        <source>The platform does not know this staff number for this hall. Sign in again, or ask hall IT.</source>
        <translation>服务平台里没有本大厅的这个工号。请重新登录，或联系大厅信息技术人员。</translation>
    </message>
    <message>
        <source>This number is no longer called at this window.</source>
        <translation>这个号码已经不在本窗口呼叫中。</translation>
    </message>
    <message>
        <source>The platform does not know this window. Check its number with hall IT.</source>
        <translation>服务平台里没有这个窗口。请和大厅信息技术人员核对窗口号。</translation>
    </message>
    <message>
        <source>There is no such area in this hall.</source>
        <translation>本大厅没有这个区域。</translation>
    </message>
    <message>
        <source>The platform refused this step. Press again; if it keeps happening, call hall IT.</source>
        <translation>服务平台拒绝了这一步。请再按一次；如果一直这样，请联系大厅信息技术人员。</translation>
    </message>
</context>
</TS>
