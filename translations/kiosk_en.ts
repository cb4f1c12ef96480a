<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Appointments</name>
    <message>
        <source>Confirmed</source>
        <extracomment>how long a check-in, cancel or ticket waits for the server before saying so</extracomment>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Request not yet sent – not confirmed</source>
        <translation>Request not yet sent – not confirmed</translation>
    </message>
    <message>
        <source>Request refused:</source>
        <translation>Request refused:</translation>
    </message>
    <message>
        <source>This kiosk is not connected: please ask staff.</source>
        <extracomment>the platform&apos;s answer: a number (success), none (failure), no answer (warning) &quot;前面还有 N 人&quot; for the number taken, asked of the queue while it is shown</extracomment>
        <translation>This kiosk is not connected: please ask staff.</translation>
    </message>
    <message>
        <source>Looking up your appointments…</source>
        <translation>Looking up your appointments…</translation>
    </message>
    <message>
        <source>My appointments / check in</source>
        <translation>My appointments / check in</translation>
    </message>
    <message>
        <source>Type your ID card number.</source>
        <translation>Type your ID card number.</translation>
    </message>
    <message>
        <source>Find my appointments</source>
        <translation>Find my appointments</translation>
    </message>
    <message>
        <source>Scan your booking code</source>
        <translation>Scan your booking code</translation>
    </message>
    <message>
        <source>No appointment? Take a queue number</source>
        <translation>No appointment? Take a queue number</translation>
    </message>
    <message>
        <source>The platform cannot be reached just now: only requests kept on this kiosk are shown. Checking in needs the connection; staff at the desk can help.</source>
        <translation>The platform cannot be reached just now: only requests kept on this kiosk are shown. Checking in needs the connection; staff at the desk can help.</translation>
    </message>
    <message>
        <source>Your appointments</source>
        <translation>Your appointments</translation>
    </message>
    <message>
        <source>Tap one to check in or cancel.</source>
        <translation>Tap one to check in or cancel.</translation>
    </message>
    <message>
        <source>No appointments found for this ID number.</source>
        <translation>No appointments found for this ID number.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <extracomment>&quot;前面还有 N 人&quot; for the number the check-in gave, asked of the queue while shown checked in, or cancelled: said once in a coloured panel above the number</extracomment>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>The platform cannot be reached just now, so this has NOT happened yet. It will be sent when the connection is back; staff at the desk can help you now.</source>
        <translation>The platform cannot be reached just now, so this has NOT happened yet. It will be sent when the connection is back; staff at the desk can help you now.</translation>
    </message>
    <message>
        <source>Your appointment</source>
        <translation>Your appointment</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>You are checked in</source>
        <translation>You are checked in</translation>
    </message>
    <message>
        <source>Please wait until your number is called.</source>
        <translation>Please wait until your number is called.</translation>
    </message>
    <message>
        <source>To cancel, type the phone number you gave when booking.</source>
        <translation>To cancel, type the phone number you gave when booking.</translation>
    </message>
    <message>
        <source>Cancel this appointment? The time will be given to someone else.</source>
        <translation>Cancel this appointment? The time will be given to someone else.</translation>
    </message>
    <message>
        <source>What would you like to do?</source>
        <translation>What would you like to do?</translation>
    </message>
    <message>
        <source>Check in now</source>
        <translation>Check in now</translation>
    </message>
    <message>
        <source>Yes, cancel it</source>
        <translation>Yes, cancel it</translation>
    </message>
    <message>
        <source>Cancel it now</source>
        <translation>Cancel it now</translation>
    </message>
    <message>
        <source>Cancel the appointment</source>
        <translation>Cancel the appointment</translation>
    </message>
    <message>
        <source>No, keep it</source>
        <translation>No, keep it</translation>
    </message>
    <message>
        <source>Your appointment is cancelled</source>
        <translation>Your appointment is cancelled</translation>
    </message>
    <message>
        <source>The time is free again for someone else.</source>
        <translation>The time is free again for someone else.</translation>
    </message>
    <message>
        <source>It is not time to check in yet, or the time has passed. You can check in from %1 minutes before your appointment until %2 minutes after; staff can help otherwise.</source>
        <translation>It is not time to check in yet, or the time has passed. You can check in from %1 minutes before your appointment until %2 minutes after; staff can help otherwise.</translation>
    </message>
    <message>
        <source>Here is your number</source>
        <translation>Here is your number</translation>
    </message>
    <message>
        <source>No number was given</source>
        <translation>No number was given</translation>
    </message>
    <message>
        <source>The platform cannot be reached just now, so no number could be given. Please ask staff at the desk for a number.</source>
        <translation>The platform cannot be reached just now, so no number could be given. Please ask staff at the desk for a number.</translation>
    </message>
    <message>
        <source>No number yet</source>
        <translation>No number yet</translation>
    </message>
    <message>
        <source>Take a queue number</source>
        <translation>Take a queue number</translation>
    </message>
    <message>
        <source>✓ I am 60 or over: green channel (priority)</source>
        <translation>✓ I am 60 or over: green channel (priority)</translation>
    </message>
    <message>
        <source>☐ I am 60 or over: tap for the green channel</source>
        <translation>☐ I am 60 or over: tap for the green channel</translation>
    </message>
    <message>
        <source>Which service have you come for?</source>
        <translation>Which service have you come for?</translation>
    </message>
    <message>
        <source>Not the number given when booking, so NOT cancelled. Please check it and type it again.</source>
        <translation>Not the number given when booking, so NOT cancelled. Please check it and type it again.</translation>
    </message>
    <message>
        <source>A wrong phone number was typed too many times, so this appointment can no longer be cancelled at the kiosk. Please go to a service window: staff there can cancel it for you.</source>
        <translation>A wrong phone number was typed too many times, so this appointment can no longer be cancelled at the kiosk. Please go to a service window: staff there can cancel it for you.</translation>
    </message>
    <message>
        <source>This appointment was already cancelled.</source>
        <translation>This appointment was already cancelled.</translation>
    </message>
    <message>
        <source>This appointment is already checked in, so it cannot be cancelled.</source>
        <translation>This appointment is already checked in, so it cannot be cancelled.</translation>
    </message>
    <message>
        <source>This appointment was made without a phone number, so it cannot be cancelled at the kiosk. If you no longer need it, simply do not come: it lapses after its time.</source>
        <translation>This appointment was made without a phone number, so it cannot be cancelled at the kiosk. If you no longer need it, simply do not come: it lapses after its time.</translation>
    </message>
    <message>
        <source>This is not the number given when booking. Please check each digit.</source>
        <translation>This is not the number given when booking. Please check each digit.</translation>
    </message>
    <message>
        <source>The number given when booking has %1 digits.</source>
        <translation>The number given when booking has %1 digits.</translation>
    </message>
    <message>
        <source>Phone number given when booking</source>
        <translation>Phone number given when booking</translation>
    </message>
    <message>
        <source>The number given when booking: %1</source>
        <translation>The number given when booking: %1</translation>
    </message>
    <message>
        <source>Place your ID card on the reader.</source>
        <translation>Place your ID card on the reader.</translation>
    </message>
</context>
<context>
    <name>AssistBanner</name>
    <message>
        <source>Staff member %1 %2 is helping you</source>
        <translation>Staff member %1 %2 is helping you</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Staff mode: %1 %2</source>
        <translation>Staff mode: %1 %2</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Please type and confirm this step yourself; staff may only point.</source>
        <translation>Please type and confirm this step yourself; staff may only point.</translation>
    </message>
</context>
<context>
    <name>Attract</name>
    <message>
        <source>Government services, self-service</source>
        <translation>Government services, self-service</translation>
    </message>
</context>
<context>
    <name>Booking</name>
    <message>
        <source>Fully booked</source>
        <translation>Fully booked</translation>
    </message>
    <message>
        <source>1 place left</source>
        <translation>1 place left</translation>
    </message>
    <message>
        <source>%1 places left</source>
        <translation>%1 places left</translation>
    </message>
    <message>
        <source>Looking up free days…</source>
        <translation>Looking up free days…</translation>
    </message>
    <message>
        <source>The booking service cannot be reached just now. You can still ask for a time: your request is kept and confirmed later by SMS.</source>
        <translation>The booking service cannot be reached just now. You can still ask for a time: your request is kept and confirmed later by SMS.</translation>
    </message>
    <message>
        <source>Booking is not possible just now. Please ask staff.</source>
        <translation>Booking is not possible just now. Please ask staff.</translation>
    </message>
    <message>
        <source>Which day?</source>
        <translation>Which day?</translation>
    </message>
    <message>
        <source>Looking up free times…</source>
        <translation>Looking up free times…</translation>
    </message>
    <message>
        <source>Offline: places left are not known. Your request will be confirmed later by SMS.</source>
        <translation>Offline: places left are not known. Your request will be confirmed later by SMS.</translation>
    </message>
    <message>
        <source>No free times on this day. Go back and choose another day.</source>
        <translation>No free times on this day. Go back and choose another day.</translation>
    </message>
    <message>
        <source>Keeping this time for you…</source>
        <translation>Keeping this time for you…</translation>
    </message>
    <message>
        <source>Sorry, that time was taken just now. Please choose another.</source>
        <translation>Sorry, that time was taken just now. Please choose another.</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>Morning</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>Afternoon</translation>
    </message>
    <message>
        <source>What time?</source>
        <translation>What time?</translation>
    </message>
    <message>
        <source>Who is the appointment for?</source>
        <extracomment>the card read, masked, above the mobile number the phone is optional (an older resident may not know theirs): one tap past it</extracomment>
        <translation>Who is the appointment for?</translation>
    </message>
    <message>
        <source>Step 1 of 2: the ID card number (18 characters).</source>
        <translation>Step 1 of 2: the ID card number (18 characters).</translation>
    </message>
    <message>
        <source>ID card number</source>
        <translation>ID card number</translation>
    </message>
    <message>
        <source>Next: mobile number</source>
        <translation>Next: mobile number</translation>
    </message>
    <message>
        <source>Step 2 of 2: a mobile number (11 digits), for the SMS and to cancel at a kiosk. You may leave it out.</source>
        <translation>Step 2 of 2: a mobile number (11 digits), for the SMS and to cancel at a kiosk. You may leave it out.</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <source>Next: check your answers</source>
        <translation>Next: check your answers</translation>
    </message>
    <message>
        <source>No mobile number</source>
        <translation>No mobile number</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Tomorrow</translation>
    </message>
    <message>
        <source>An ID number has 18 characters. Please check the count.</source>
        <translation>An ID number has 18 characters. Please check the count.</translation>
    </message>
    <message>
        <source>An ID number is 17 digits and then a digit or X.</source>
        <translation>An ID number is 17 digits and then a digit or X.</translation>
    </message>
    <message>
        <source>The date of birth in this number does not exist.</source>
        <translation>The date of birth in this number does not exist.</translation>
    </message>
    <message>
        <source>This number is not right: please check each digit.</source>
        <translation>This number is not right: please check each digit.</translation>
    </message>
    <message>
        <source>A mobile number has 11 digits.</source>
        <translation>A mobile number has 11 digits.</translation>
    </message>
    <message>
        <source>A mobile number starts with 13 to 19.</source>
        <translation>A mobile number starts with 13 to 19.</translation>
    </message>
    <message>
        <source>Sorry, that time was taken. Please choose another time.</source>
        <translation>Sorry, that time was taken. Please choose another time.</translation>
    </message>
    <message>
        <source>You already have an appointment for this service on that day.</source>
        <translation>You already have an appointment for this service on that day.</translation>
    </message>
    <message>
        <source>That time is too soon or has passed.</source>
        <translation>That time is too soon or has passed.</translation>
    </message>
    <message>
        <source>That day is too far ahead to book.</source>
        <translation>That day is too far ahead to book.</translation>
    </message>
    <message>
        <source>That time can no longer be booked.</source>
        <translation>That time can no longer be booked.</translation>
    </message>
    <message>
        <source>The hall is closed that day.</source>
        <translation>The hall is closed that day.</translation>
    </message>
    <message>
        <source>The hall is not open just now: numbers are given during its opening hours.</source>
        <translation>The hall is not open just now: numbers are given during its opening hours.</translation>
    </message>
    <message>
        <source>That day cannot be booked yet. Please choose an earlier day or ask staff.</source>
        <translation>That day cannot be booked yet. Please choose an earlier day or ask staff.</translation>
    </message>
    <message>
        <source>The booking was not accepted. Please ask staff.</source>
        <translation>The booking was not accepted. Please ask staff.</translation>
    </message>
    <message>
        <source>Please check your answers</source>
        <translation>Please check your answers</translation>
    </message>
    <message>
        <source>Tap Change to correct anything.</source>
        <translation>Tap Change to correct anything.</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>Hall</translation>
    </message>
    <message>
        <source>Day and time</source>
        <translation>Day and time</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>not given</translation>
    </message>
    <message>
        <source>Confirm the booking</source>
        <translation>Confirm the booking</translation>
    </message>
    <message>
        <source>between %1 and %2</source>
        <extracomment>how long the result screen waits for the server before saying &quot;request saved&quot; how it ended, said once in a coloured panel: booked, saved as a request, not made what the last print produced (a PDF path, or a printer&apos;s name)</extracomment>
        <translation>between %1 and %2</translation>
    </message>
    <message>
        <source>Scan the code with your phone camera to keep this.</source>
        <translation>Scan the code with your phone camera to keep this.</translation>
    </message>
    <message>
        <source>Print a slip</source>
        <translation>Print a slip</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Scan with your phone</source>
        <translation>Scan with your phone</translation>
    </message>
    <message>
        <source>Sending your booking…</source>
        <translation>Sending your booking…</translation>
    </message>
    <message>
        <source>Please wait a moment.</source>
        <translation>Please wait a moment.</translation>
    </message>
    <message>
        <source>Your appointment is booked</source>
        <translation>Your appointment is booked</translation>
    </message>
    <message>
        <source>Show the QR code or the reference number when you check in.</source>
        <translation>Show the QR code or the reference number when you check in.</translation>
    </message>
    <message>
        <source>Request saved – not yet confirmed</source>
        <translation>Request saved – not yet confirmed</translation>
    </message>
    <message>
        <source>The booking service cannot be reached just now. Your request is kept on this kiosk and sent automatically. This is not an appointment yet: you will get an SMS when it is confirmed, or if the time is no longer free.</source>
        <translation>The booking service cannot be reached just now. Your request is kept on this kiosk and sent automatically. This is not an appointment yet: you will get an SMS when it is confirmed, or if the time is no longer free.</translation>
    </message>
    <message>
        <source>The booking service cannot be reached just now. Your request is kept on this kiosk and sent automatically. This is not an appointment yet: with your ID card, look under My appointments on a kiosk later to see if it is confirmed.</source>
        <translation>The booking service cannot be reached just now. Your request is kept on this kiosk and sent automatically. This is not an appointment yet: with your ID card, look under My appointments on a kiosk later to see if it is confirmed.</translation>
    </message>
    <message>
        <source>The booking was not made</source>
        <translation>The booking was not made</translation>
    </message>
    <message>
        <source>Other free times:</source>
        <translation>Other free times:</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>Address: %1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Phone: %1</translation>
    </message>
    <message>
        <source>This service cannot be booked here</source>
        <translation>This service cannot be booked here</translation>
    </message>
    <message>
        <source>%1: not handled at this hall. Please ask staff where it is done.</source>
        <translation>%1: not handled at this hall. Please ask staff where it is done.</translation>
    </message>
    <message>
        <source>%1: not handled at this hall, so this kiosk cannot book it. It is handled at the halls below: you can book a time there, or on the 一网通办 government services app or website.</source>
        <translation>%1: not handled at this hall, so this kiosk cannot book it. It is handled at the halls below: you can book a time there, or on the 一网通办 government services app or website.</translation>
    </message>
    <message>
        <source>Step 1 of 2: place your ID card on the reader.</source>
        <translation>Step 1 of 2: place your ID card on the reader.</translation>
    </message>
</context>
<context>
    <name>CallStaff</name>
    <message>
        <source>You can also raise your hand: staff nearby will help you.</source>
        <translation>You can also raise your hand: staff nearby will help you.</translation>
    </message>
    <message>
        <source>Help line: %1</source>
        <translation>Help line: %1</translation>
    </message>
    <message>
        <source>Calling staff…</source>
        <translation>Calling staff…</translation>
    </message>
    <message>
        <source>Please wait a moment.</source>
        <translation>Please wait a moment.</translation>
    </message>
    <message>
        <source>Staff have been told. Please wait.</source>
        <translation>Staff have been told. Please wait.</translation>
    </message>
    <message>
        <source>Your call was sent at %1. A member of staff will come to you here, at this machine.</source>
        <translation>Your call was sent at %1. A member of staff will come to you here, at this machine.</translation>
    </message>
    <message>
        <source>%1 is on the way</source>
        <translation>%1 is on the way</translation>
    </message>
    <message>
        <source>A member of staff is on the way</source>
        <translation>A member of staff is on the way</translation>
    </message>
    <message>
        <source>Your call (sent at %1) has been answered. Please wait here.</source>
        <translation>Your call (sent at %1) has been answered. Please wait here.</translation>
    </message>
    <message>
        <source>Please go to the service desk.</source>
        <extracomment>this kiosk has no platform to call through (not configured, or not yet connected) the states that say where the service desk is: staff have not been told</extracomment>
        <translation>Please go to the service desk.</translation>
    </message>
    <message>
        <source>Staff could not be called</source>
        <translation>Staff could not be called</translation>
    </message>
    <message>
        <source>The network is not working. When it works again, this machine will call staff for you, as long as you are still here.</source>
        <translation>The network is not working. When it works again, this machine will call staff for you, as long as you are still here.</translation>
    </message>
    <message>
        <source>This machine could not send your call.</source>
        <translation>This machine could not send your call.</translation>
    </message>
    <message>
        <source>Staff have dealt with your call</source>
        <translation>Staff have dealt with your call</translation>
    </message>
    <message>
        <source>Do you still need help? Tap the Call again button.</source>
        <translation>Do you still need help? Tap the Call again button.</translation>
    </message>
    <message>
        <source>Your call is cancelled</source>
        <translation>Your call is cancelled</translation>
    </message>
    <message>
        <source>This machine cannot call staff</source>
        <translation>This machine cannot call staff</translation>
    </message>
    <message>
        <source>It is not connected to the hall&apos;s system.</source>
        <translation>It is not connected to the hall&apos;s system.</translation>
    </message>
    <message>
        <source>No thanks, cancel the call</source>
        <translation>No thanks, cancel the call</translation>
    </message>
    <message>
        <source>Call again</source>
        <translation>Call again</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>Back to the start</translation>
    </message>
</context>
<context>
    <name>ComingSoon</name>
    <message>
        <source>Show my e-certificate</source>
        <translation>Show my e-certificate</translation>
    </message>
    <message>
        <source>Book an appointment</source>
        <translation>Book an appointment</translation>
    </message>
    <message>
        <source>My appointments / check in</source>
        <translation>My appointments / check in</translation>
    </message>
    <message>
        <source>This kiosk is not connected to the booking service. Staff at the service desk can book for you.</source>
        <translation>This kiosk is not connected to the booking service. Staff at the service desk can book for you.</translation>
    </message>
    <message>
        <source>Coming soon: this kiosk cannot do this yet. Staff at the service desk can do it for you today.</source>
        <translation>Coming soon: this kiosk cannot do this yet. Staff at the service desk can do it for you today.</translation>
    </message>
    <message>
        <source>Call staff</source>
        <translation>Call staff</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>Back to the start</translation>
    </message>
</context>
<context>
    <name>Consent</name>
    <message>
        <source>May staff member %1 help you?</source>
        <translation>May staff member %1 help you?</translation>
    </message>
    <message>
        <source>You decide. Both of you will see the screen. You can stop at any time with Finish at the top.</source>
        <translation>You decide. Both of you will see the screen. You can stop at any time with Finish at the top.</translation>
    </message>
    <message>
        <source>What is recorded: that this staff member helped you, the time, and each step taken for you (for example: booking sent). Not recorded in that record: your ID number or phone number. You type your own ID number and phone number, and you confirm a booking yourself. When you finish, everything you entered is cleared from this kiosk.</source>
        <translation>What is recorded: that this staff member helped you, the time, and each step taken for you (for example: booking sent). Not recorded in that record: your ID number or phone number. You type your own ID number and phone number, and you confirm a booking yourself. When you finish, everything you entered is cleared from this kiosk.</translation>
    </message>
    <message>
        <source>Yes, please help me</source>
        <translation>Yes, please help me</translation>
    </message>
    <message>
        <source>No, thank you</source>
        <translation>No, thank you</translation>
    </message>
</context>
<context>
    <name>Display</name>
    <message>
        <source>Window %1</source>
        <extracomment>calls kept on the board: the latest, and those before it areas listed with their waiting counts at most; more than fit are shown page by page how long a page of areas stays before the next (when they do not fit on one)</extracomment>
        <translation>Window %1</translation>
    </message>
    <message>
        <source>Now calling</source>
        <extracomment>the platform, once connected (``attach_central``, from ``ui.app.SyncHookup``) the platform refuses this device the board (not enrolled as a display) when each call was first shown (time.perf_counter), for the latency benchmark</extracomment>
        <translation>Now calling</translation>
    </message>
    <message>
        <source>Called before</source>
        <translation>Called before</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>No number has been called yet today.</source>
        <translation>No number has been called yet today.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Calls are not spoken on this screen: please watch for your number.</source>
        <translation>Calls are not spoken on this screen: please watch for your number.</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 waiting</translation>
    </message>
    <message>
        <source>Network down: the calls shown may not be the latest (last update %1).</source>
        <translation>Network down: the calls shown may not be the latest (last update %1).</translation>
    </message>
    <message>
        <source>Network down: the calls cannot be shown until it is back.</source>
        <translation>Network down: the calls cannot be shown until it is back.</translation>
    </message>
</context>
<context>
    <name>Footer</name>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Back</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <source>Call staff</source>
        <translation>Call staff</translation>
    </message>
</context>
<context>
    <name>Groups</name>
    <message>
        <source>1 service</source>
        <extracomment>each group&apos;s icon (ui/icons/) by its catalogue code; a group not named here gets the kind&apos;s own (GroupScreen.default_icon)</extracomment>
        <translation>1 service</translation>
    </message>
    <message>
        <source>%1 services</source>
        <translation>%1 services</translation>
    </message>
    <message>
        <source>By department</source>
        <extracomment>the matter_list argument that names a group of this kind the icon of a group GROUP_ICONS does not name</extracomment>
        <translation>By department</translation>
    </message>
    <message>
        <source>Choose the department.</source>
        <translation>Choose the department.</translation>
    </message>
    <message>
        <source>By life event</source>
        <translation>By life event</translation>
    </message>
    <message>
        <source>Everything for one event, together.</source>
        <translation>Everything for one event, together.</translation>
    </message>
</context>
<context>
    <name>HandBack</name>
    <message>
        <source>Finish and clear the screen?</source>
        <translation>Finish and clear the screen?</translation>
    </message>
    <message>
        <source>Take any slip you printed. Then everything entered here is cleared, and the staff member is signed out.</source>
        <translation>Take any slip you printed. Then everything entered here is cleared, and the staff member is signed out.</translation>
    </message>
    <message>
        <source>If you are not finished, choose Continue: nothing is lost.</source>
        <translation>If you are not finished, choose Continue: nothing is lost.</translation>
    </message>
    <message>
        <source>Finish and clear</source>
        <translation>Finish and clear</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>Handwriting</name>
    <message>
        <source>Undo</source>
        <extracomment>candidate buttons in a row: standard and 长辈版 (fewer, wider) a candidate tapped: the character to add to the search words Delete tapped: the last character of the search words goes candidates shown (after each recognition; empty when the pad is cleared)</extracomment>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Write one character here</source>
        <translation>Write one character here</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>Change language</source>
        <extracomment>filled by the sync worker (online / offline since … / N waiting)</extracomment>
        <translation>Change language</translation>
    </message>
    <message>
        <source>长辈版: on</source>
        <translation>Large text: on</translation>
    </message>
    <message>
        <source>长辈版: off</source>
        <translation>Large text: off</translation>
    </message>
    <message>
        <source>Large text for older people</source>
        <translation>Large text for older people</translation>
    </message>
</context>
<context>
    <name>HelpRequests</name>
    <message>
        <source>booking an appointment</source>
        <translation>booking an appointment</translation>
    </message>
    <message>
        <source>start</source>
        <translation>start</translation>
    </message>
    <message>
        <source>find a service</source>
        <translation>find a service</translation>
    </message>
    <message>
        <source>search</source>
        <translation>search</translation>
    </message>
    <message>
        <source>list of services</source>
        <translation>list of services</translation>
    </message>
    <message>
        <source>a service&apos;s guide</source>
        <translation>a service&apos;s guide</translation>
    </message>
    <message>
        <source>my appointments</source>
        <translation>my appointments</translation>
    </message>
    <message>
        <source>queue number</source>
        <translation>queue number</translation>
    </message>
    <message>
        <source>e-certificate</source>
        <translation>e-certificate</translation>
    </message>
    <message>
        <source>not available yet</source>
        <translation>not available yet</translation>
    </message>
    <message>
        <source>The resident is told: %1 is on the way.</source>
        <extracomment>the calls shown, in the order they came; None: not asked yet per call shown: (the call, its &quot;I&apos;ll go&quot; button or None, its &quot;Done&quot; button)</extracomment>
        <translation>The resident is told: %1 is on the way.</translation>
    </message>
    <message>
        <source>%1 is already on the way.</source>
        <translation>%1 is already on the way.</translation>
    </message>
    <message>
        <source>The call is closed.</source>
        <translation>The call is closed.</translation>
    </message>
    <message>
        <source>The platform does not know your staff number (an account of this kiosk only?), so you cannot answer calls.</source>
        <translation>The platform does not know your staff number (an account of this kiosk only?), so you cannot answer calls.</translation>
    </message>
    <message>
        <source>This call has already ended.</source>
        <translation>This call has already ended.</translation>
    </message>
    <message>
        <source>The platform cannot be reached just now. Please try again.</source>
        <translation>The platform cannot be reached just now. Please try again.</translation>
    </message>
    <message>
        <source>Residents calling for staff: %1</source>
        <translation>Residents calling for staff: %1</translation>
    </message>
    <message>
        <source>This kiosk is not connected to the platform, so residents&apos; calls cannot be shown here.</source>
        <translation>This kiosk is not connected to the platform, so residents&apos; calls cannot be shown here.</translation>
    </message>
    <message>
        <source>The platform cannot be reached just now: this list may be out of date.</source>
        <translation>The platform cannot be reached just now: this list may be out of date.</translation>
    </message>
    <message>
        <source>Looking for calls…</source>
        <translation>Looking for calls…</translation>
    </message>
    <message>
        <source>No resident is calling for staff now.</source>
        <translation>No resident is calling for staff now.</translation>
    </message>
    <message>
        <source>I&apos;ll go</source>
        <translation>I&apos;ll go</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Called at %3 — %1 — screen: %2</source>
        <translation>Called at %3 — %1 — screen: %2</translation>
    </message>
    <message>
        <source>%1 is on the way (since %2)</source>
        <translation>%1 is on the way (since %2)</translation>
    </message>
    <message>
        <source>⚠ Waiting a long time: raised again (%1)</source>
        <translation>⚠ Waiting a long time: raised again (%1)</translation>
    </message>
    <message>
        <source>Nobody has answered yet</source>
        <translation>Nobody has answered yet</translation>
    </message>
</context>
<context>
    <name>Home</name>
    <message>
        <source>What would you like to do?</source>
        <translation>What would you like to do?</translation>
    </message>
    <message>
        <source>Tap one of the big buttons.</source>
        <translation>Tap one of the big buttons.</translation>
    </message>
    <message>
        <source>Find a service</source>
        <translation>Find a service</translation>
    </message>
    <message>
        <source>What to bring, where to go</source>
        <translation>What to bring, where to go</translation>
    </message>
    <message>
        <source>Elderly services zone</source>
        <translation>Elderly services zone</translation>
    </message>
    <message>
        <source>Pension, senior card, medical insurance</source>
        <translation>Pension, senior card, medical insurance</translation>
    </message>
    <message>
        <source>Show my e-certificate</source>
        <translation>Show my e-certificate</translation>
    </message>
    <message>
        <source>Scan the QR code on your phone</source>
        <translation>Scan the QR code on your phone</translation>
    </message>
    <message>
        <source>Book an appointment</source>
        <translation>Book an appointment</translation>
    </message>
    <message>
        <source>Choose a day and time</source>
        <translation>Choose a day and time</translation>
    </message>
    <message>
        <source>My appointments / check in</source>
        <translation>My appointments / check in</translation>
    </message>
    <message>
        <source>Take a queue number</source>
        <translation>Take a queue number</translation>
    </message>
    <message>
        <source>Call staff</source>
        <translation>Call staff</translation>
    </message>
    <message>
        <source>A person will help you</source>
        <translation>A person will help you</translation>
    </message>
</context>
<context>
    <name>IdCard</name>
    <message>
        <source>ID card read: %1, %2</source>
        <extracomment>waiting for a card | a card was read | the card was expired | a read failed</extracomment>
        <translation>ID card read: %1, %2</translation>
    </message>
    <message>
        <source>This ID card expired on %1 and cannot be used. Please use a valid card, or type the number on the keypad.</source>
        <translation>This ID card expired on %1 and cannot be used. Please use a valid card, or type the number on the keypad.</translation>
    </message>
    <message>
        <source>The card could not be read. Please lay it flat on the reader and keep it still, or type the number on the keypad.</source>
        <translation>The card could not be read. Please lay it flat on the reader and keep it still, or type the number on the keypad.</translation>
    </message>
    <message>
        <source>This card is not a resident ID card the kiosk can use. Please type the number on the keypad.</source>
        <translation>This card is not a resident ID card the kiosk can use. Please type the number on the keypad.</translation>
    </message>
    <message>
        <source>The card reader is not working just now. Please type the number on the keypad.</source>
        <translation>The card reader is not working just now. Please type the number on the keypad.</translation>
    </message>
    <message>
        <source>No ID card? Type the number</source>
        <extracomment>the other ways a screen offers (a booking code to scan…), beside the keypad&apos;s a way that takes a line of its own, under them</extracomment>
        <translation>No ID card? Type the number</translation>
    </message>
</context>
<context>
    <name>Idle</name>
    <message>
        <source>To protect your privacy, the screen will be cleared in 1 second.</source>
        <translation>To protect your privacy, the screen will be cleared in 1 second.</translation>
    </message>
    <message>
        <source>To protect your privacy, the screen will be cleared in %1 seconds.</source>
        <translation>To protect your privacy, the screen will be cleared in %1 seconds.</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Delete</source>
        <extracomment>where each key sits: (row, column, row span, column span)</extracomment>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>All 18 typed: please check them.</source>
        <extracomment>an ID number&apos;s length, and how it is grouped on screen: region, birth date, the rest a mainland mobile number as it is read out: 138 0013 8000</extracomment>
        <translation>All 18 typed: please check them.</translation>
    </message>
    <message>
        <source>%1 of 18 typed, %2 to go.</source>
        <translation>%1 of 18 typed, %2 to go.</translation>
    </message>
</context>
<context>
    <name>Matter</name>
    <message>
        <source>On the spot</source>
        <translation>On the spot</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Free</translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1 yuan</translation>
    </message>
    <message>
        <source>Original</source>
        <extracomment>how soon the window&apos;s called number is asked for again after the network was down</extracomment>
        <translation>Original</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Original and copy</source>
        <translation>Original and copy</translation>
    </message>
    <message>
        <source>Electronic</source>
        <translation>Electronic</translation>
    </message>
    <message>
        <source>1 working day</source>
        <translation>1 working day</translation>
    </message>
    <message>
        <source>%1 working days</source>
        <translation>%1 working days</translation>
    </message>
    <message>
        <source>%1 copies</source>
        <translation>%1 copies</translation>
    </message>
    <message>
        <source>required</source>
        <translation>required</translation>
    </message>
    <message>
        <source>if it applies</source>
        <translation>if it applies</translation>
    </message>
    <message>
        <source>① What it takes</source>
        <translation>① What it takes</translation>
    </message>
    <message>
        <source>② What to bring</source>
        <translation>② What to bring</translation>
    </message>
    <message>
        <source>③ Take it with you</source>
        <translation>③ Take it with you</translation>
    </message>
    <message>
        <source>Service not found</source>
        <translation>Service not found</translation>
    </message>
    <message>
        <source>Go back and choose another service.</source>
        <translation>Go back and choose another service.</translation>
    </message>
    <message>
        <source>Read what it takes, then tick what you have.</source>
        <translation>Read what it takes, then tick what you have.</translation>
    </message>
    <message>
        <source>Book a time</source>
        <translation>Book a time</translation>
    </message>
    <message>
        <source>Where to book</source>
        <translation>Where to book</translation>
    </message>
    <message>
        <source>%1 (this hall)</source>
        <translation>%1 (this hall)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Not at this hall (see Halls)</source>
        <translation>Not at this hall (see Halls)</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>Done within</source>
        <translation>Done within</translation>
    </message>
    <message>
        <source>Legal time limit</source>
        <translation>Legal time limit</translation>
    </message>
    <message>
        <source>Can be done online</source>
        <translation>Can be done online</translation>
    </message>
    <message>
        <source>Can be booked</source>
        <translation>Can be booked</translation>
    </message>
    <message>
        <source>Staff can do it for you</source>
        <translation>Staff can do it for you</translation>
    </message>
    <message>
        <source>Halls</source>
        <translation>Halls</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>Materials</translation>
    </message>
    <message>
        <source>1 item — see ② What to bring</source>
        <translation>1 item — see ② What to bring</translation>
    </message>
    <message>
        <source>%1 items — see ② What to bring</source>
        <translation>%1 items — see ② What to bring</translation>
    </message>
    <message>
        <source>You need not bring this</source>
        <translation>You need not bring this</translation>
    </message>
    <message>
        <source>✓ I have it</source>
        <translation>✓ I have it</translation>
    </message>
    <message>
        <source>☐ I still need it — tap when you have it</source>
        <translation>☐ I still need it — tap when you have it</translation>
    </message>
    <message>
        <source>There is nothing to bring for this service.</source>
        <translation>There is nothing to bring for this service.</translation>
    </message>
    <message>
        <source>You have %1 of %2. Tap each item you have with you.</source>
        <translation>You have %1 of %2. Tap each item you have with you.</translation>
    </message>
    <message>
        <source>The phone link is not set up on this kiosk. Please ask staff.</source>
        <translation>The phone link is not set up on this kiosk. Please ask staff.</translation>
    </message>
    <message>
        <source>Scan this code with your phone camera or WeChat to take the guide and your checklist with you.</source>
        <translation>Scan this code with your phone camera or WeChat to take the guide and your checklist with you.</translation>
    </message>
    <message>
        <source>Still to get: %1</source>
        <translation>Still to get: %1</translation>
    </message>
    <message>
        <source>You have everything that is required.</source>
        <translation>You have everything that is required.</translation>
    </message>
    <message>
        <source>QR code to take this guide to your phone</source>
        <translation>QR code to take this guide to your phone</translation>
    </message>
    <message>
        <source>No visit needed</source>
        <translation>No visit needed</translation>
    </message>
    <message>
        <source>1 visit to the hall</source>
        <translation>1 visit to the hall</translation>
    </message>
    <message>
        <source>%1 visits to the hall</source>
        <translation>%1 visits to the hall</translation>
    </message>
</context>
<context>
    <name>MatterList</name>
    <message>
        <source>Book an appointment</source>
        <translation>Book an appointment</translation>
    </message>
    <message>
        <source>Most used services</source>
        <translation>Most used services</translation>
    </message>
    <message>
        <source>Choose the service, then tap “Book a time”.</source>
        <translation>Choose the service, then tap “Book a time”.</translation>
    </message>
    <message>
        <source>Tap a service to see what to bring.</source>
        <translation>Tap a service to see what to bring.</translation>
    </message>
</context>
<context>
    <name>Pager</name>
    <message>
        <source>◀ Previous page</source>
        <extracomment>the page asked for (the bar&apos;s owner shows it, then calls ``show_page``)</extracomment>
        <translation>◀ Previous page</translation>
    </message>
    <message>
        <source>Next page ▶</source>
        <translation>Next page ▶</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>The printer is not available.</source>
        <translation>The printer is not available.</translation>
    </message>
    <message>
        <source>The slip cannot be printed. Please ask staff.</source>
        <translation>The slip cannot be printed. Please ask staff.</translation>
    </message>
    <message>
        <source>No printer here: the slip was saved for staff to print.</source>
        <translation>No printer here: the slip was saved for staff to print.</translation>
    </message>
    <message>
        <source>Printing… please take your slip.</source>
        <translation>Printing… please take your slip.</translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <source>Network down: the queue cannot be checked just now.</source>
        <extracomment>how often the count is asked again while the ticket is on the screen</extracomment>
        <translation>Network down: the queue cannot be checked just now.</translation>
    </message>
    <message>
        <source>Checking the queue…</source>
        <translation>Checking the queue…</translation>
    </message>
    <message>
        <source>Your number is being called: please go to window %1.</source>
        <translation>Your number is being called: please go to window %1.</translation>
    </message>
    <message>
        <source>You are next: please watch the calling screen.</source>
        <translation>You are next: please watch the calling screen.</translation>
    </message>
    <message>
        <source>1 person ahead of you</source>
        <translation>1 person ahead of you</translation>
    </message>
    <message>
        <source>%1 people ahead of you</source>
        <translation>%1 people ahead of you</translation>
    </message>
</context>
<context>
    <name>Rating</name>
    <message>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>This kiosk is not connected: please tell staff at the desk.</source>
        <translation>This kiosk is not connected: please tell staff at the desk.</translation>
    </message>
    <message>
        <source>Your rating was not accepted</source>
        <translation>Your rating was not accepted</translation>
    </message>
    <message>
        <source>Please tell staff at the desk what you think.</source>
        <translation>Please tell staff at the desk what you think.</translation>
    </message>
    <message>
        <source>Write or type a few words (optional)</source>
        <extracomment>the longest comment kept (a few sentences; the follow-up calls the resident for more)</extracomment>
        <translation>Write or type a few words (optional)</translation>
    </message>
    <message>
        <source>Your comment</source>
        <translation>Your comment</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Keyboard</translation>
    </message>
    <message>
        <source>Handwriting</source>
        <translation>Handwriting</translation>
    </message>
    <message>
        <source>How satisfied are you with this service?</source>
        <translation>How satisfied are you with this service?</translation>
    </message>
    <message>
        <source>What went wrong? (Tap one or more)</source>
        <translation>What went wrong? (Tap one or more)</translation>
    </message>
    <message>
        <source>Anything to add? (optional)</source>
        <translation>Anything to add? (optional)</translation>
    </message>
    <message>
        <source>May staff call you back?</source>
        <translation>May staff call you back?</translation>
    </message>
    <message>
        <source>Thank you for your rating</source>
        <extracomment>how long the thank-you waits for the platform before it says &quot;saved, will be sent&quot;</extracomment>
        <translation>Thank you for your rating</translation>
    </message>
    <message>
        <source>Tap a face. Your rating helps the hall do better.</source>
        <translation>Tap a face. Your rating helps the hall do better.</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Send rating</source>
        <translation>Send rating</translation>
    </message>
    <message>
        <source>Send with my number</source>
        <translation>Send with my number</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>No rating</source>
        <translation>No rating</translation>
    </message>
    <message>
        <source>Send without a number</source>
        <translation>Send without a number</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>Service: %1</translation>
    </message>
    <message>
        <source>Leave a mobile number and staff will call you about this rating only; without one, it is anonymous.</source>
        <translation>Leave a mobile number and staff will call you about this rating only; without one, it is anonymous.</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <source>It has reached the service centre.</source>
        <translation>It has reached the service centre.</translation>
    </message>
    <message>
        <source>Already rated</source>
        <translation>Already rated</translation>
    </message>
    <message>
        <source>This service was already rated for this visit; one rating is kept.</source>
        <translation>This service was already rated for this visit; one rating is kept.</translation>
    </message>
    <message>
        <source>Saved on this kiosk. The network is down just now; it will be sent by itself when it is back. You need not rate again.</source>
        <translation>Saved on this kiosk. The network is down just now; it will be sent by itself when it is back. You need not rate again.</translation>
    </message>
    <message>
        <source>Saved. Sending…</source>
        <translation>Saved. Sending…</translation>
    </message>
</context>
<context>
    <name>Scan</name>
    <message>
        <source>✓ Genuine and valid (checked on this kiosk)</source>
        <extracomment>the card wipes itself after this long without a tap</extracomment>
        <translation>✓ Genuine and valid (checked on this kiosk)</translation>
    </message>
    <message>
        <source>✓ Genuine and valid (checked online)</source>
        <translation>✓ Genuine and valid (checked online)</translation>
    </message>
    <message>
        <source>✗ This code has expired. Refresh it on your phone and show it again.</source>
        <translation>✗ This code has expired. Refresh it on your phone and show it again.</translation>
    </message>
    <message>
        <source>✗ This code is not valid yet. Check the time on your phone.</source>
        <translation>✗ This code is not valid yet. Check the time on your phone.</translation>
    </message>
    <message>
        <source>✗ This code was used already. Refresh it on your phone.</source>
        <translation>✗ This code was used already. Refresh it on your phone.</translation>
    </message>
    <message>
        <source>✗ This code comes from an issuer this kiosk does not know.</source>
        <translation>✗ This code comes from an issuer this kiosk does not know.</translation>
    </message>
    <message>
        <source>✗ This code could not be confirmed as genuine.</source>
        <translation>✗ This code could not be confirmed as genuine.</translation>
    </message>
    <message>
        <source>✗ This certificate has been revoked.</source>
        <translation>✗ This certificate has been revoked.</translation>
    </message>
    <message>
        <source>Cannot check: this kiosk&apos;s list of issuers is out of date. Please ask staff.</source>
        <translation>Cannot check: this kiosk&apos;s list of issuers is out of date. Please ask staff.</translation>
    </message>
    <message>
        <source>Cannot check: this kiosk has no list of issuers yet. Please ask staff.</source>
        <translation>Cannot check: this kiosk has no list of issuers yet. Please ask staff.</translation>
    </message>
    <message>
        <source>This code can only be checked online, and the kiosk is offline. Please ask staff.</source>
        <translation>This code can only be checked online, and the kiosk is offline. Please ask staff.</translation>
    </message>
    <message>
        <source>This is a web link, not a certificate.</source>
        <translation>This is a web link, not a certificate.</translation>
    </message>
    <message>
        <source>This is a booking voucher: use “My appointments / check in” to check in.</source>
        <translation>This is a booking voucher: use “My appointments / check in” to check in.</translation>
    </message>
    <message>
        <source>✗ The platform does not know this code.</source>
        <translation>✗ The platform does not know this code.</translation>
    </message>
    <message>
        <source>This code can&apos;t be read here.</source>
        <translation>This code can&apos;t be read here.</translation>
    </message>
    <message>
        <source>Resident ID card (electronic)</source>
        <translation>Resident ID card (electronic)</translation>
    </message>
    <message>
        <source>Driving licence (electronic)</source>
        <translation>Driving licence (electronic)</translation>
    </message>
    <message>
        <source>Business licence (electronic)</source>
        <translation>Business licence (electronic)</translation>
    </message>
    <message>
        <source>Social security card (electronic)</source>
        <translation>Social security card (electronic)</translation>
    </message>
    <message>
        <source>The certificate itself is genuine.</source>
        <translation>The certificate itself is genuine.</translation>
    </message>
    <message>
        <source>Please refresh the code</source>
        <translation>Please refresh the code</translation>
    </message>
    <message>
        <source>Cannot check it just now</source>
        <extracomment>a verdict, or why no code can be read; ``_said`` says it again in another language asking the platform (an opaque token, a voucher): further reads wait for it</extracomment>
        <translation>Cannot check it just now</translation>
    </message>
    <message>
        <source>Not an e-certificate</source>
        <translation>Not an e-certificate</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Not verified</translation>
    </message>
    <message>
        <source>This booking voucher cannot be looked up just now. Please ask staff.</source>
        <translation>This booking voucher cannot be looked up just now. Please ask staff.</translation>
    </message>
    <message>
        <source>Checking with the platform…</source>
        <translation>Checking with the platform…</translation>
    </message>
    <message>
        <source>The camera is not working. You can type your ID number instead, or call staff.</source>
        <translation>The camera is not working. You can type your ID number instead, or call staff.</translation>
    </message>
    <message>
        <source>Cannot scan here just now</source>
        <translation>Cannot scan here just now</translation>
    </message>
    <message>
        <source>Scan your booking code</source>
        <translation>Scan your booking code</translation>
    </message>
    <message>
        <source>Hold the QR code on your booking slip or phone inside the yellow frame.</source>
        <translation>Hold the QR code on your booking slip or phone inside the yellow frame.</translation>
    </message>
    <message>
        <source>Show my e-certificate</source>
        <translation>Show my e-certificate</translation>
    </message>
    <message>
        <source>Open the certificate&apos;s QR code on your phone and hold it inside the yellow frame.</source>
        <translation>Open the certificate&apos;s QR code on your phone and hold it inside the yellow frame.</translation>
    </message>
    <message>
        <source>No code? Type my ID number</source>
        <translation>No code? Type my ID number</translation>
    </message>
    <message>
        <source>Call staff</source>
        <translation>Call staff</translation>
    </message>
    <message>
        <source>Use for my booking</source>
        <translation>Use for my booking</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Your certificate</source>
        <translation>Your certificate</translation>
    </message>
    <message>
        <source>This screen clears itself in one minute.</source>
        <translation>This screen clears itself in one minute.</translation>
    </message>
    <message>
        <source>⚠ Status: ABNORMAL – please see the counter.</source>
        <extracomment>the picture in each certificate&apos;s band (ui/icons/) refusals the resident can put right on their phone refusals that are the kiosk&apos;s, not the code&apos;s</extracomment>
        <translation>⚠ Status: ABNORMAL – please see the counter.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <source>Checked at</source>
        <translation>Checked at</translation>
    </message>
    <message>
        <source>Issuer list of</source>
        <translation>Issuer list of</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>Keyboard</source>
        <translation>Keyboard</translation>
    </message>
    <message>
        <source>Handwriting</source>
        <translation>Handwriting</translation>
    </message>
    <message>
        <source>Search for a service</source>
        <translation>Search for a service</translation>
    </message>
    <message>
        <source>Type pinyin initials (sfz = 身份证), pinyin, Chinese or English.</source>
        <translation>Type pinyin initials (sfz = 身份证), pinyin, Chinese or English.</translation>
    </message>
    <message>
        <source>e.g. sbk, shebaoka, 社保卡, passport</source>
        <translation>e.g. sbk, shebaoka, 社保卡, passport</translation>
    </message>
    <message>
        <source>Search words</source>
        <translation>Search words</translation>
    </message>
    <message>
        <source>Can&apos;t find it? Call staff</source>
        <translation>Can&apos;t find it? Call staff</translation>
    </message>
    <message>
        <source>Most used services:</source>
        <translation>Most used services:</translation>
    </message>
    <message>
        <source>1 service found:</source>
        <translation>1 service found:</translation>
    </message>
    <message>
        <source>%1 services found:</source>
        <translation>%1 services found:</translation>
    </message>
    <message>
        <source>Nothing found for “%1”. These may have it, or call staff:</source>
        <translation>Nothing found for “%1”. These may have it, or call staff:</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Life event</source>
        <translation>Life event</translation>
    </message>
</context>
<context>
    <name>Services</name>
    <message>
        <source>Find a service</source>
        <translation>Find a service</translation>
    </message>
    <message>
        <source>Search by typing, or choose a group.</source>
        <translation>Search by typing, or choose a group.</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Type a few letters, e.g. sfz for 身份证</source>
        <translation>Type a few letters, e.g. sfz for 身份证</translation>
    </message>
    <message>
        <source>Most used</source>
        <translation>Most used</translation>
    </message>
    <message>
        <source>What most people come for</source>
        <translation>What most people come for</translation>
    </message>
    <message>
        <source>By department</source>
        <translation>By department</translation>
    </message>
    <message>
        <source>Police, social security, tax…</source>
        <translation>Police, social security, tax…</translation>
    </message>
    <message>
        <source>By life event</source>
        <translation>By life event</translation>
    </message>
    <message>
        <source>A baby, retiring, starting a business…</source>
        <translation>A baby, retiring, starting a business…</translation>
    </message>
    <message>
        <source>Elderly services zone</source>
        <translation>Elderly services zone</translation>
    </message>
    <message>
        <source>Services for people aged 60 and over</source>
        <translation>Services for people aged 60 and over</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Sorry, something went wrong. Please start again.</source>
        <extracomment>screens where the resident types or confirms for themselves, even when assisted the first screen is on the display (once): what can wait starts then the sync worker and the screens&apos; access to the central platform, while attached (``attach_sync``, ``attach_central``, ``detach_central``) lock-down lets the window close only when this is True (an administrator&apos;s Exit) the ID-card reader&apos;s worker, when ``idcard_port`` names a reader</extracomment>
        <translation>Sorry, something went wrong. Please start again.</translation>
    </message>
    <message>
        <source>This kiosk has no voice to read this language aloud.</source>
        <extracomment>screens never read by themselves: the attract loop, and staff&apos;s own screens the resident acting: reading stops (idle&apos;s wheel and input-method events do not)</extracomment>
        <translation>This kiosk has no voice to read this language aloud.</translation>
    </message>
    <message>
        <source>Read-aloud is not available on this kiosk.</source>
        <translation>Read-aloud is not available on this kiosk.</translation>
    </message>
</context>
<context>
    <name>Speech</name>
    <message>
        <source>no speech engine</source>
        <translation>no speech engine</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>engine %1, voices for Chinese: %2, English: %3</source>
        <translation>engine %1, voices for Chinese: %2, English: %3</translation>
    </message>
</context>
<context>
    <name>SpeechBar</name>
    <message>
        <source>Reading aloud</source>
        <translation>Reading aloud</translation>
    </message>
    <message>
        <source>Reading stopped</source>
        <translation>Reading stopped</translation>
    </message>
    <message>
        <source>volume %1 %</source>
        <translation>volume %1 %</translation>
    </message>
    <message>
        <source>■ Stop</source>
        <translation>■ Stop</translation>
    </message>
    <message>
        <source>↻ Repeat</source>
        <translation>↻ Repeat</translation>
    </message>
    <message>
        <source>− Quieter</source>
        <translation>− Quieter</translation>
    </message>
    <message>
        <source>+ Louder</source>
        <translation>+ Louder</translation>
    </message>
    <message>
        <source>Stop reading aloud</source>
        <translation>Stop reading aloud</translation>
    </message>
    <message>
        <source>Read again from the start</source>
        <translation>Read again from the start</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <source>Network: not connected to a central platform</source>
        <translation>Network: not connected to a central platform</translation>
    </message>
    <message>
        <source>Network: online</source>
        <translation>Network: online</translation>
    </message>
    <message>
        <source>Network: offline since %1</source>
        <translation>Network: offline since %1</translation>
    </message>
    <message>
        <source>Last problem: %1</source>
        <translation>Last problem: %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Last contact with the platform: %1</source>
        <translation>Last contact with the platform: %1</translation>
    </message>
    <message>
        <source>⚠ The oldest item has waited %1 min: check the network or the central platform</source>
        <translation>⚠ The oldest item has waited %1 min: check the network or the central platform</translation>
    </message>
    <message>
        <source>Oldest waiting item: %1 min</source>
        <translation>Oldest waiting item: %1 min</translation>
    </message>
    <message>
        <source>Staff list from the platform: %1</source>
        <translation>Staff list from the platform: %1</translation>
    </message>
    <message>
        <source>E-certificate issuer list: none yet</source>
        <translation>E-certificate issuer list: none yet</translation>
    </message>
    <message>
        <source>E-certificate issuer list: issued %1, checked %2</source>
        <translation>E-certificate issuer list: issued %1, checked %2</translation>
    </message>
    <message>
        <source>Camera: %1</source>
        <translation>Camera: %1</translation>
    </message>
    <message>
        <source>none (slips saved as PDF)</source>
        <translation>none (slips saved as PDF)</translation>
    </message>
    <message>
        <source>Printer: %1</source>
        <translation>Printer: %1</translation>
    </message>
    <message>
        <source>Outbox: %1 waiting, %2 sent, %3 refused, %4 need staff, %5 discarded</source>
        <translation>Outbox: %1 waiting, %2 sent, %3 refused, %4 need staff, %5 discarded</translation>
    </message>
    <message>
        <source>Read-aloud: %1</source>
        <translation>Read-aloud: %1</translation>
    </message>
    <message>
        <source>Version: %1 (Python %2)</source>
        <translation>Version: %1 (Python %2)</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>ID-card reader: %1</source>
        <translation>ID-card reader: %1</translation>
    </message>
    <message>
        <source>The kiosk&apos;s database cannot be read just now. Try again in a moment; if it stays, export the diagnostics for IT.</source>
        <extracomment>the oldest item waiting longer than this is called out (a blocked line) what the panel shows of the kiosk&apos;s database, read by ``refresh``</extracomment>
        <translation>The kiosk&apos;s database cannot be read just now. Try again in a moment; if it stays, export the diagnostics for IT.</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>Discard…</translation>
    </message>
    <message>
        <source>%1, made %2: %3</source>
        <translation>%1, made %2: %3</translation>
    </message>
    <message>
        <source>A duplicate of another request</source>
        <translation>A duplicate of another request</translation>
    </message>
    <message>
        <source>Done at the counter instead</source>
        <translation>Done at the counter instead</translation>
    </message>
    <message>
        <source>The resident withdrew it</source>
        <translation>The resident withdrew it</translation>
    </message>
    <message>
        <source>Wrong data; entered again correctly</source>
        <translation>Wrong data; entered again correctly</translation>
    </message>
    <message>
        <source>Keep it (go back)</source>
        <translation>Keep it (go back)</translation>
    </message>
    <message>
        <source>Put back in the line to send.</source>
        <translation>Put back in the line to send.</translation>
    </message>
    <message>
        <source>Why discard it? The record stays, marked discarded.</source>
        <translation>Why discard it? The record stays, marked discarded.</translation>
    </message>
    <message>
        <source>Discarded, with the reason recorded.</source>
        <translation>Discarded, with the reason recorded.</translation>
    </message>
    <message>
        <source>Saved: new sessions start this way.</source>
        <translation>Saved: new sessions start this way.</translation>
    </message>
    <message>
        <source>The diagnostics could not be saved (the disk may be full or not writable). Please tell IT.</source>
        <translation>The diagnostics could not be saved (the disk may be full or not writable). Please tell IT.</translation>
    </message>
    <message>
        <source>Diagnostics export is not available here.</source>
        <translation>Diagnostics export is not available here.</translation>
    </message>
    <message>
        <source>Diagnostics saved (personal data removed): %1</source>
        <translation>Diagnostics saved (personal data removed): %1</translation>
    </message>
    <message>
        <source>Demo: the central server is being stopped or started; watch the status at the top.</source>
        <translation>Demo: the central server is being stopped or started; watch the status at the top.</translation>
    </message>
    <message>
        <source>Staff panel</source>
        <translation>Staff panel</translation>
    </message>
    <message>
        <source>This kiosk&apos;s health and queue. Everything done here is recorded.</source>
        <translation>This kiosk&apos;s health and queue. Everything done here is recorded.</translation>
    </message>
    <message>
        <source>Needs staff: %1</source>
        <translation>Needs staff: %1</translation>
    </message>
    <message>
        <source>The hall&apos;s defaults</source>
        <translation>The hall&apos;s defaults</translation>
    </message>
    <message>
        <source>Language at start</source>
        <translation>Language at start</translation>
    </message>
    <message>
        <source>Start in 长辈版</source>
        <translation>Start in 长辈版</translation>
    </message>
    <message>
        <source>Read aloud by itself in 长辈版</source>
        <translation>Read aloud by itself in 长辈版</translation>
    </message>
    <message>
        <source>Help a resident</source>
        <translation>Help a resident</translation>
    </message>
    <message>
        <source>Export diagnostics</source>
        <translation>Export diagnostics</translation>
    </message>
    <message>
        <source>Demo: simulate a network outage</source>
        <translation>Demo: simulate a network outage</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Exit the kiosk</source>
        <translation>Exit the kiosk</translation>
    </message>
    <message>
        <source>present</source>
        <translation>present</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>device %1 (checked when scanning)</source>
        <translation>device %1 (checked when scanning)</translation>
    </message>
    <message>
        <source>none (residents type their ID number)</source>
        <translation>none (residents type their ID number)</translation>
    </message>
    <message>
        <source>not tried yet</source>
        <translation>not tried yet</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connected</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>not found</translation>
    </message>
    <message>
        <source>not answering</source>
        <translation>not answering</translation>
    </message>
    <message>
        <source>1 card read</source>
        <translation>1 card read</translation>
    </message>
    <message>
        <source>%1 cards read</source>
        <translation>%1 cards read</translation>
    </message>
    <message>
        <source>last problem at %1: %2</source>
        <translation>last problem at %1: %2</translation>
    </message>
    <message>
        <source>the reader did not answer in time</source>
        <translation>the reader did not answer in time</translation>
    </message>
    <message>
        <source>the reader&apos;s answers came garbled</source>
        <translation>the reader&apos;s answers came garbled</translation>
    </message>
    <message>
        <source>the reader&apos;s answers stopped short</source>
        <translation>the reader&apos;s answers stopped short</translation>
    </message>
    <message>
        <source>the reader answered something it should not</source>
        <translation>the reader answered something it should not</translation>
    </message>
    <message>
        <source>the card was taken away too soon</source>
        <translation>the card was taken away too soon</translation>
    </message>
    <message>
        <source>a card could not be read</source>
        <translation>a card could not be read</translation>
    </message>
    <message>
        <source>a card held data that is not valid</source>
        <translation>a card held data that is not valid</translation>
    </message>
    <message>
        <source>a card that is not a resident ID card</source>
        <translation>a card that is not a resident ID card</translation>
    </message>
    <message>
        <source>the reader reports a fault of its own</source>
        <translation>the reader reports a fault of its own</translation>
    </message>
    <message>
        <source>the reader&apos;s port cannot be opened (unplugged, or in use)</source>
        <translation>the reader&apos;s port cannot be opened (unplugged, or in use)</translation>
    </message>
    <message>
        <source>see the log</source>
        <translation>see the log</translation>
    </message>
    <message>
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>holding a time</source>
        <translation>holding a time</translation>
    </message>
    <message>
        <source>a booking</source>
        <translation>a booking</translation>
    </message>
    <message>
        <source>cancelling a booking</source>
        <translation>cancelling a booking</translation>
    </message>
    <message>
        <source>a check-in</source>
        <translation>a check-in</translation>
    </message>
    <message>
        <source>a queue number</source>
        <translation>a queue number</translation>
    </message>
    <message>
        <source>a rating</source>
        <translation>a rating</translation>
    </message>
    <message>
        <source>a message</source>
        <translation>a message</translation>
    </message>
    <message>
        <source>a record of a staff action</source>
        <translation>a record of a staff action</translation>
    </message>
    <message>
        <source>a call for staff</source>
        <translation>a call for staff</translation>
    </message>
    <message>
        <source>a call for staff taken back</source>
        <translation>a call for staff taken back</translation>
    </message>
    <message>
        <source>a submission</source>
        <translation>a submission</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>no reason given</translation>
    </message>
    <message>
        <source>this hall does not handle that service</source>
        <translation>this hall does not handle that service</translation>
    </message>
    <message>
        <source>the platform does not know this hall</source>
        <translation>the platform does not know this hall</translation>
    </message>
    <message>
        <source>that service cannot be booked</source>
        <translation>that service cannot be booked</translation>
    </message>
    <message>
        <source>the ID number is not valid</source>
        <translation>the ID number is not valid</translation>
    </message>
    <message>
        <source>the phone number is not valid</source>
        <translation>the phone number is not valid</translation>
    </message>
    <message>
        <source>the platform found the data incomplete or wrong</source>
        <translation>the platform found the data incomplete or wrong</translation>
    </message>
    <message>
        <source>the platform does not know this booking</source>
        <translation>the platform does not know this booking</translation>
    </message>
    <message>
        <source>the time was fully booked</source>
        <translation>the time was fully booked</translation>
    </message>
    <message>
        <source>the resident already has a booking that day</source>
        <translation>the resident already has a booking that day</translation>
    </message>
    <message>
        <source>the day is outside the booking period</source>
        <translation>the day is outside the booking period</translation>
    </message>
    <message>
        <source>the time was too soon or had passed</source>
        <translation>the time was too soon or had passed</translation>
    </message>
    <message>
        <source>the time is not a bookable time</source>
        <translation>the time is not a bookable time</translation>
    </message>
    <message>
        <source>the hall is closed that day</source>
        <translation>the hall is closed that day</translation>
    </message>
    <message>
        <source>outside the hall&apos;s opening hours</source>
        <translation>outside the hall&apos;s opening hours</translation>
    </message>
    <message>
        <source>the hall&apos;s calendar is not published that far ahead: ask IT to publish a newer one</source>
        <translation>the hall&apos;s calendar is not published that far ahead: ask IT to publish a newer one</translation>
    </message>
    <message>
        <source>the platform found the rating incomplete or wrong</source>
        <translation>the platform found the rating incomplete or wrong</translation>
    </message>
    <message>
        <source>this visit was already rated</source>
        <translation>this visit was already rated</translation>
    </message>
    <message>
        <source>the rating named a service of another visit</source>
        <translation>the rating named a service of another visit</translation>
    </message>
    <message>
        <source>outside the check-in time</source>
        <translation>outside the check-in time</translation>
    </message>
    <message>
        <source>the booking was already cancelled</source>
        <translation>the booking was already cancelled</translation>
    </message>
    <message>
        <source>the booking was already checked in</source>
        <translation>the booking was already checked in</translation>
    </message>
    <message>
        <source>the phone number did not match</source>
        <translation>the phone number did not match</translation>
    </message>
    <message>
        <source>cancelling is locked after wrong phone numbers</source>
        <translation>cancelling is locked after wrong phone numbers</translation>
    </message>
    <message>
        <source>no phone number was given, so it cannot be cancelled here</source>
        <translation>no phone number was given, so it cannot be cancelled here</translation>
    </message>
    <message>
        <source>the platform does not know this call</source>
        <translation>the platform does not know this call</translation>
    </message>
    <message>
        <source>the call had already ended</source>
        <translation>the call had already ended</translation>
    </message>
    <message>
        <source>the platform does not know this staff number</source>
        <translation>the platform does not know this staff number</translation>
    </message>
    <message>
        <source>the platform saw this submission with other data</source>
        <translation>the platform saw this submission with other data</translation>
    </message>
    <message>
        <source>the submission is too large</source>
        <translation>the submission is too large</translation>
    </message>
    <message>
        <source>the platform does not accept this kiosk: enrol it again</source>
        <translation>the platform does not accept this kiosk: enrol it again</translation>
    </message>
    <message>
        <source>this device was enrolled in a role that may not send this: enrol it with a code of its role</source>
        <translation>this device was enrolled in a role that may not send this: enrol it with a code of its role</translation>
    </message>
    <message>
        <source>the platform did not answer in time</source>
        <translation>the platform did not answer in time</translation>
    </message>
    <message>
        <source>the platform cannot be reached</source>
        <translation>the platform cannot be reached</translation>
    </message>
    <message>
        <source>the answer was cut off</source>
        <translation>the answer was cut off</translation>
    </message>
    <message>
        <source>the answer could not be read</source>
        <translation>the answer could not be read</translation>
    </message>
    <message>
        <source>the answer was too large</source>
        <translation>the answer was too large</translation>
    </message>
    <message>
        <source>an error in the kiosk&apos;s program</source>
        <translation>an error in the kiosk&apos;s program</translation>
    </message>
    <message>
        <source>the platform is busy</source>
        <translation>the platform is busy</translation>
    </message>
    <message>
        <source>a list from the platform failed its signature check</source>
        <translation>a list from the platform failed its signature check</translation>
    </message>
    <message>
        <source>another problem (code %1)</source>
        <translation>another problem (code %1)</translation>
    </message>
</context>
<context>
    <name>StaffSignIn</name>
    <message>
        <source>Type your staff number first.</source>
        <translation>Type your staff number first.</translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation>Type your PIN.</translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>You can try again now.</translation>
    </message>
    <message>
        <source>Staff sign-in is not available on this kiosk: its secure credential store is missing or was reset, or no staff accounts are set up. Ask the hall&apos;s IT staff.</source>
        <translation>Staff sign-in is not available on this kiosk: its secure credential store is missing or was reset, or no staff accounts are set up. Ask the hall&apos;s IT staff.</translation>
    </message>
    <message>
        <source>The staff list on this kiosk is too old to trust. Connect the kiosk to the network so it can fetch the list again, then sign in.</source>
        <translation>The staff list on this kiosk is too old to trust. Connect the kiosk to the network so it can fetch the list again, then sign in.</translation>
    </message>
    <message>
        <source>Locked after too many wrong PINs, for %1 more minutes. IT can unlock it sooner on this kiosk&apos;s command line (kiosk staff unlock).</source>
        <translation>Locked after too many wrong PINs, for %1 more minutes. IT can unlock it sooner on this kiosk&apos;s command line (kiosk staff unlock).</translation>
    </message>
    <message>
        <source>Wrong staff number or PIN. Wait %1 s before trying again.</source>
        <translation>Wrong staff number or PIN. Wait %1 s before trying again.</translation>
    </message>
    <message>
        <source>Wrong staff number or PIN. %1 more tries before a wait.</source>
        <translation>Wrong staff number or PIN. %1 more tries before a wait.</translation>
    </message>
    <message>
        <source>Staff sign-in</source>
        <translation>Staff sign-in</translation>
    </message>
    <message>
        <source>Type your staff number, then press Next.</source>
        <translation>Type your staff number, then press Next.</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Type your PIN (6 to 8 digits), then press Sign in.</source>
        <translation>Type your PIN (6 to 8 digits), then press Sign in.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>Staff number</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>StatusChip</name>
    <message>
        <source>⚠ Not accepted by the platform</source>
        <translation>⚠ Not accepted by the platform</translation>
    </message>
    <message>
        <source>… Connecting</source>
        <translation>… Connecting</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>○ Offline since %1</source>
        <translation>○ Offline since %1</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ Offline</translation>
    </message>
    <message>
        <source>1 waiting to send</source>
        <translation>1 waiting to send</translation>
    </message>
    <message>
        <source>%1 waiting to send</source>
        <translation>%1 waiting to send</translation>
    </message>
    <message>
        <source>1 needs staff</source>
        <translation>1 needs staff</translation>
    </message>
    <message>
        <source>%1 need staff</source>
        <translation>%1 need staff</translation>
    </message>
    <message>
        <source>⚠ Some services are unavailable: please ask staff</source>
        <translation>⚠ Some services are unavailable: please ask staff</translation>
    </message>
    <message>
        <source>○ Network down: looking things up still works</source>
        <translation>○ Network down: looking things up still works</translation>
    </message>
</context>
<context>
    <name>Ticket</name>
    <message>
        <source>Your queue number</source>
        <translation>Your queue number</translation>
    </message>
    <message>
        <source>Green channel: the priority window for residents aged 60 and over</source>
        <translation>Green channel: the priority window for residents aged 60 and over</translation>
    </message>
    <message>
        <source>Please wait near: %1</source>
        <translation>Please wait near: %1</translation>
    </message>
    <message>
        <source>Please watch the calling screen for your number.</source>
        <translation>Please watch the calling screen for your number.</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Scan with your phone</source>
        <translation>Scan with your phone</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Rate this service</source>
        <translation>Rate this service</translation>
    </message>
    <message>
        <source>QR code of your queue number</source>
        <translation>QR code of your queue number</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>To another window: its number</source>
        <translation>To another window: its number</translation>
    </message>
    <message>
        <source>Or back to an area&apos;s queue:</source>
        <translation>Or back to an area&apos;s queue:</translation>
    </message>
    <message>
        <source>Transfer to this window</source>
        <translation>Transfer to this window</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Window number</source>
        <translation>Window number</translation>
    </message>
    <message>
        <source>Network down: this window&apos;s called number cannot be checked just now. Nothing is lost.</source>
        <translation>Network down: this window&apos;s called number cannot be checked just now. Nothing is lost.</translation>
    </message>
    <message>
        <source>Nobody is waiting for this window just now.</source>
        <translation>Nobody is waiting for this window just now.</translation>
    </message>
    <message>
        <source>%1 marked as not present.</source>
        <translation>%1 marked as not present.</translation>
    </message>
    <message>
        <source>%1 served.</source>
        <translation>%1 served.</translation>
    </message>
    <message>
        <source>window %1</source>
        <translation>window %1</translation>
    </message>
    <message>
        <source>%1 transferred to %2.</source>
        <translation>%1 transferred to %2.</translation>
    </message>
    <message>
        <source>Now serving</source>
        <translation>Now serving</translation>
    </message>
    <message>
        <source>No number called</source>
        <translation>No number called</translation>
    </message>
    <message>
        <source>Green channel (60 and over)</source>
        <translation>Green channel (60 and over)</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>Press Call next to call a number.</source>
        <translation>Press Call next to call a number.</translation>
    </message>
    <message>
        <source>Called once.</source>
        <translation>Called once.</translation>
    </message>
    <message>
        <source>Called %1 times. No-show possible after %2 recalls.</source>
        <translation>Called %1 times. No-show possible after %2 recalls.</translation>
    </message>
    <message>
        <source>Called %1 times: you may mark a no-show.</source>
        <translation>Called %1 times: you may mark a no-show.</translation>
    </message>
    <message>
        <source>What the resident should have brought:</source>
        <translation>What the resident should have brought:</translation>
    </message>
    <message>
        <source>The catalogue lists no materials for this matter.</source>
        <translation>The catalogue lists no materials for this matter.</translation>
    </message>
    <message>
        <source>Call next</source>
        <translation>Call next</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>Nobody has used this terminal for a while: signing out in %1 s. Touch the screen to stay signed in.</source>
        <extracomment>the ticket being rated: (ticket, matter) ; the tickets rated at this window today</extracomment>
        <translation>Nobody has used this terminal for a while: signing out in %1 s. Touch the screen to stay signed in.</translation>
    </message>
    <message>
        <source>Signed out: the terminal was not used for a while. The ticket at this window is kept; sign in to go on.</source>
        <translation>Signed out: the terminal was not used for a while. The ticket at this window is kept; sign in to go on.</translation>
    </message>
    <message>
        <source>%1 · Window %2</source>
        <translation>%1 · Window %2</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Network down: nothing was done. Press again when the network is back; nothing is lost.</source>
        <translation>Network down: nothing was done. Press again when the network is back; nothing is lost.</translation>
    </message>
    <message>
        <source>The platform is busy: nothing was done. Press again in a moment.</source>
        <translation>The platform is busy: nothing was done. Press again in a moment.</translation>
    </message>
    <message>
        <source>The platform gave an answer this terminal cannot read. Press again; if it keeps happening, call hall IT.</source>
        <translation>The platform gave an answer this terminal cannot read. Press again; if it keeps happening, call hall IT.</translation>
    </message>
    <message>
        <source>Something went wrong: nothing was done. Press again.</source>
        <translation>Something went wrong: nothing was done. Press again.</translation>
    </message>
    <message>
        <source>This window still has a number called: finish it (Served, No-show or Transfer) first.</source>
        <translation>This window still has a number called: finish it (Served, No-show or Transfer) first.</translation>
    </message>
    <message>
        <source>Recall the number first: a no-show can be marked only after the hall&apos;s number of recalls.</source>
        <translation>Recall the number first: a no-show can be marked only after the hall&apos;s number of recalls.</translation>
    </message>
    <message>
        <source>The platform does not know this staff number for this hall. Sign in again, or ask hall IT.</source>
        <translation>The platform does not know this staff number for this hall. Sign in again, or ask hall IT.</translation>
    </message>
    <message>
        <source>This number is no longer called at this window.</source>
        <translation>This number is no longer called at this window.</translation>
    </message>
    <message>
        <source>The platform does not know this window. Check its number with hall IT.</source>
        <translation>The platform does not know this window. Check its number with hall IT.</translation>
    </message>
    <message>
        <source>There is no such area in this hall.</source>
        <translation>There is no such area in this hall.</translation>
    </message>
    <message>
        <source>The platform refused this step. Press again; if it keeps happening, call hall IT.</source>
        <translation>The platform refused this step. Press again; if it keeps happening, call hall IT.</translation>
    </message>
</context>
</TS>
