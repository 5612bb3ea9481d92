#!/usr/bin/env python3
"""Generates the router's labelled training set (text,label) for the default taxonomy.

Every line is built from the templates and vocabulary below, written by the Hearken team for this
purpose (no third-party text, no personal data). Run from the repository root:

    python3 router/data/generate_complaints.py > router/src/main/resources/io/hearken/router/model/complaints-labelled.csv

The seed is fixed, so the output is reproducible byte for byte.
"""
import csv
import random
import sys

SEED = 20261123
PER_CATEGORY = 560  # 9 categories -> ~5,000 lines, about half Chinese, half English

ZH_PLACES = ["3号楼", "5栋", "12号楼2单元", "A座", "B座", "学生宿舍7号楼", "东区", "西苑小区", "2栋1单元", "8号楼",
             "研究生公寓", "教学楼", "地下车库", "1号楼", "11栋", "南门", "北区", "C区6号楼", "商铺区", "图书馆"]
EN_PLACES = ["Building 3", "Block B", "Tower A", "Dorm 7", "the east wing", "Building 12", "the north gate",
             "the underground car park", "Block 5", "Hall 2", "the library", "the west campus", "unit 1203",
             "flat 4B", "the lobby", "the student residence", "Building 8", "the courtyard"]
ZH_UNITS = ["1203室", "502", "我家", "我们宿舍", "楼下", "楼上", "走廊", "门口", "房间", "卫生间", "厨房", "阳台"]
EN_UNITS = ["my flat", "room 502", "our dorm room", "the corridor", "the flat upstairs", "my kitchen",
            "the bathroom", "the hallway", "my unit", "the stairwell"]
ZH_TIME = ["昨天晚上", "今天早上", "这几天", "已经三天了", "从上周开始", "刚才", "每天晚上", "一个星期了", "今天下午", "半夜"]
EN_TIME = ["since yesterday", "this morning", "for three days now", "every night", "since last week", "just now",
           "for a week", "again today", "last night", "for two weeks"]
ZH_ASK = ["请尽快处理", "麻烦派人来看看", "希望尽快解决", "请物业处理一下", "谢谢", "已经反映过好几次了", "请给个说法",
          "请尽快安排维修", "", "急"]
EN_ASK = ["please fix it asap", "please send someone", "can you look into it", "thanks", "I have reported this before",
          "please sort this out", "this is unacceptable", "", "hope it gets fixed soon", "please help"]

CATEGORIES = {
    "facility": {
        "zh": ["{p}{u}的水管漏水了，{t}一直在滴，{a}", "{p}电梯坏了，{t}都停运，{a}", "{u}的灯不亮了，{t}，{a}",
               "{p}{u}空调不制冷，{t}，{a}", "{u}门锁坏了打不开，{a}", "{p}的电梯困人了，里面有人出不来，{a}",
               "{u}暖气不热，{t}，{a}", "{p}停水了，{t}没有水用，{a}", "{u}马桶堵了，{t}，{a}", "{p}楼道的灯坏了，晚上很黑，{a}",
               "{u}窗户关不上，玻璃也裂了，{a}", "{p}{u}天花板渗水，墙皮脱落，{a}", "{u}插座没电，跳闸了，{a}",
               "{p}的热水器坏了，{t}没有热水，{a}", "{p}门禁系统坏了，刷卡开不了门，{a}", "{u}下水道堵塞，水排不出去，{a}",
               "{p}停电了，{t}，{a}", "{u}的水龙头关不紧一直漏水，{a}", "{p}电梯按钮失灵，{t}，{a}", "报修：{u}的吊扇不转了，{a}"],
        "en": ["The pipe in {u} in {p} is leaking {t}, {a}", "The lift in {p} is broken {t}, {a}",
               "The lights in {u} don't work {t}, {a}", "Air conditioning in {u} is not cooling {t}, {a}",
               "The door lock of {u} is broken, {a}", "People are trapped in the elevator in {p}, {a}",
               "No heating in {u} {t}, {a}", "There is no water in {p} {t}, {a}", "The toilet in {u} is blocked {t}, {a}",
               "Corridor lights in {p} are out, it is dark at night, {a}", "Water is dripping from the ceiling of {u}, {a}",
               "The power socket in {u} is dead and the breaker keeps tripping, {a}", "No hot water in {p} {t}, {a}",
               "The access card reader at {p} is broken, {a}", "The drain in {u} is clogged, {a}",
               "Power outage in {p} {t}, {a}", "The tap in {u} won't stop running, {a}", "Repair request: broken window in {u}, {a}",
               "The boiler in {p} stopped working {t}, {a}", "Elevator doors in {p} keep getting stuck, {a}"]},
    "service": {
        "zh": ["物业前台工作人员态度很差，{t}去办事被敷衍，{a}", "{p}的保安说话很凶，态度恶劣，{a}", "打了物业电话{t}都没人接，{a}",
               "维修师傅约好了时间却没来，{t}白等一天，{a}", "客服答应的事情一直没有回复，{a}", "宿管阿姨态度不好，骂学生，{a}",
               "工作人员办事拖拉，推来推去，{a}", "报修之后{t}没人跟进，服务太差，{a}", "物业经理不接待业主，{a}",
               "维修人员上门不穿鞋套，弄脏了{u}，还很不耐烦，{a}", "投诉{p}管家不作为，问题一直拖着，{a}", "前台办理业务排队太久，只有一个人在上班，{a}",
               "对物业的服务很不满意，{t}提的问题都没解决，{a}", "客服电话一直占线，{a}", "工作人员说话不礼貌，{a}"],
        "en": ["The front desk staff were very rude to me {t}, {a}", "The security guard at {p} shouted at me, {a}",
               "Nobody answers the management office phone {t}, {a}", "The technician did not show up for the appointment, {a}",
               "Customer service promised to call back but never did, {a}", "The dorm supervisor is disrespectful to students, {a}",
               "Staff keep passing me from one person to another, {a}", "I reported a problem and nobody followed up {t}, {a}",
               "The property manager refuses to meet residents, {a}", "The repair man was impatient and left a mess in {u}, {a}",
               "Very poor service from the management office, {a}", "Waited an hour at the service counter, only one staff member working, {a}",
               "The hotline is always busy, {a}", "Staff were unprofessional and unhelpful, {a}", "Complaint about the attitude of the concierge, {a}"]},
    "environment": {
        "zh": ["{p}垃圾桶满了{t}没人清理，很臭，{a}", "{p}楼道很脏，{t}没人打扫，{a}", "{u}门口堆满了垃圾，{a}",
               "{p}绿化带没人修剪，杂草丛生，{a}", "电梯里有异味，{t}都没清洁，{a}", "{p}的公共厕所太脏了，{a}",
               "小区里狗屎到处都是，没人清理，{a}", "{p}垃圾分类点臭气熏天，{a}", "楼道里有人乱堆杂物，{a}",
               "{p}下水道反味，{t}，{a}", "食堂卫生很差，桌子油腻，{a}", "{p}积水发臭，{a}", "保洁{t}没来打扫{p}，{a}",
               "有人往楼下扔垃圾，{a}", "{p}的水池长满青苔，{a}"],
        "en": ["The bins at {p} have not been emptied {t} and they stink, {a}", "The stairwell in {p} is filthy {t}, {a}",
               "Rubbish is piled up outside {u}, {a}", "The lawn at {p} is overgrown, nobody maintains it, {a}",
               "The lift smells bad and has not been cleaned {t}, {a}", "The public toilets at {p} are disgusting, {a}",
               "Dog poo everywhere around {p}, {a}", "The recycling point at {p} smells terrible, {a}",
               "Someone keeps dumping junk in the corridor, {a}", "Bad smell from the drains in {p} {t}, {a}",
               "The canteen is dirty and the tables are greasy, {a}", "Stagnant water at {p} is smelly, {a}",
               "The cleaners have not come to {p} {t}, {a}", "People throw litter from the balconies, {a}", "The common area at {p} is very dirty, {a}"]},
    "safety": {
        "zh": ["{p}有陌生人随便进出，门禁形同虚设，{a}", "{p}楼道有烟味，好像着火了，{a}", "{p}闻到煤气味，很危险，{a}",
               "{p}的消防通道被堵住了，{a}", "{u}昨晚被盗了，{a}", "{p}的消防栓没有水，灭火器过期了，{a}",
               "{p}有人在楼道里电动车充电，有火灾隐患，{a}", "{p}监控摄像头坏了{t}，{a}", "有可疑人员在{p}徘徊，{a}",
               "{p}外墙瓷砖脱落，差点砸到人，{a}", "{p}电线裸露，很危险，{a}", "晚上{p}大门没人值班，{a}",
               "{p}的栏杆松动了，小孩容易摔下去，{a}", "{p}楼顶有人，担心安全，{a}", "{u}的自行车被偷了，{a}"],
        "en": ["Strangers walk in and out of {p}, the entrance is never locked, {a}", "I smell smoke in the corridor of {p}, maybe a fire, {a}",
               "There is a gas leak smell in {p}, it is dangerous, {a}", "The fire exit at {p} is blocked, {a}",
               "{u} was burgled last night, {a}", "Fire extinguishers in {p} are expired, {a}",
               "People charge e-bikes in the hallway of {p}, a fire hazard, {a}", "The CCTV camera at {p} is broken {t}, {a}",
               "A suspicious person is hanging around {p}, {a}", "Tiles falling off the wall of {p}, nearly hit someone, {a}",
               "Exposed live wires at {p}, very dangerous, {a}", "Nobody guards the gate of {p} at night, {a}",
               "The railing at {p} is loose, children could fall, {a}", "My bike was stolen from {p}, {a}", "Security concern: the back door of {p} is broken open, {a}"]},
    "fees": {
        "zh": ["物业费收费不合理，{t}多收了钱，{a}", "{u}的水费账单金额不对，比平时高很多，{a}", "电费扣款重复了，{a}",
               "停车费涨价没有通知业主，{a}", "物业费发票一直没开，{a}", "押金{t}还没退，{a}", "公摊费用算错了，{a}",
               "账单上有一笔不明费用，{a}", "宿舍电费预交的钱没到账，{a}", "物业费已经交了，系统显示欠费，{a}",
               "暖气费收费标准不透明，{a}", "退款申请提交了{t}没有处理，{a}", "催缴通知书金额有误，{a}", "多扣了管理费，{a}", "收据上的金额和实际付款不一致，{a}"],
        "en": ["I was overcharged on the service fee {t}, {a}", "The water bill for {u} is far too high, {a}",
               "My electricity payment was charged twice, {a}", "Parking fees went up without any notice, {a}",
               "I still have not received an invoice for the management fee, {a}", "My deposit has not been refunded {t}, {a}",
               "The shared area charge is calculated wrongly, {a}", "There is an unknown charge on my bill, {a}",
               "The prepaid dorm electricity did not arrive on my account, {a}", "I paid the fee but the system says I owe money, {a}",
               "The heating charge is not transparent, {a}", "My refund request has not been processed {t}, {a}",
               "The payment reminder shows the wrong amount, {a}", "Billing error: double charged for {u}, {a}", "The receipt does not match what I paid, {a}"]},
    "noise": {
        "zh": ["{u}{t}装修噪音太大，中午也不停，{a}", "楼上{t}半夜还在跺脚，吵得睡不着，{a}", "{p}广场舞音乐太吵，{a}",
               "隔壁宿舍{t}打游戏大声喧哗，{a}", "{p}工地夜间施工噪音扰民，{a}", "楼下酒吧音乐声太大，{a}",
               "{p}有人半夜唱歌，{a}", "空调外机噪音很大，{t}，{a}", "{p}早上五点就有人装卸货，很吵，{a}",
               "邻居家狗一直叫，{t}，{a}", "{u}隔壁电钻声{t}不停，{a}", "{p}水泵房噪音太大，影响休息，{a}"],
        "en": ["Renovation noise from {u} {t}, even at lunchtime, {a}", "The people upstairs stomp around at midnight {t}, {a}",
               "The square dancing music at {p} is too loud, {a}", "The next dorm room is shouting and gaming {t}, {a}",
               "Night-time construction noise at {p}, {a}", "Loud music from the bar downstairs, {a}",
               "Someone is singing loudly at {p} in the middle of the night, {a}", "The AC unit outside makes a loud noise {t}, {a}",
               "Deliveries at {p} start at 5am and are very noisy, {a}", "The neighbour's dog keeps barking {t}, {a}",
               "Drilling next to {u} {t}, I cannot sleep, {a}", "The water pump room at {p} is too noisy, {a}"]},
    "pests": {
        "zh": ["{u}发现了老鼠，{t}，{a}", "{p}蟑螂很多，{t}，{a}", "{u}有白蚁，木门被蛀了，{a}", "{p}蚊子太多，积水里全是孑孓，{a}",
               "宿舍里有臭虫，被咬了一身包，{a}", "{p}垃圾房老鼠乱窜，{a}", "{p}有马蜂窝，很危险，{a}", "厨房里有很多蚂蚁，{a}",
               "请安排灭鼠灭蟑，{p}{t}，{a}", "{p}苍蝇很多，{a}", "{u}墙里有老鼠的声音，{a}", "{p}需要消杀，虫子太多了，{a}"],
        "en": ["There are rats in {u} {t}, {a}", "Cockroaches everywhere in {p} {t}, {a}", "Termites in {u}, the door is damaged, {a}",
               "So many mosquitoes at {p}, {a}", "Bed bugs in the dorm, I got bitten all over, {a}", "Mice running around the bin room at {p}, {a}",
               "There is a wasp nest at {p}, {a}", "Ants all over my kitchen, {a}", "Please arrange pest control for {p} {t}, {a}",
               "Lots of flies at {p}, {a}", "I hear mice inside the walls of {u}, {a}", "{p} needs fumigation, insects everywhere, {a}"]},
    "parking": {
        "zh": ["我的车位被别人占了，{t}，{a}", "{p}有车辆乱停乱放，堵住了通道，{a}", "地下车库道闸坏了，出不去，{a}",
               "{p}外来车辆随便停，业主没车位，{a}", "消防通道上停满了车，{a}", "充电桩车位被燃油车占用，{a}",
               "{p}电动车乱停，{a}", "停车场没有照明，{t}，{a}", "月卡车辆进不了车库，{a}", "{p}有一辆车停了一个月没动，{a}",
               "访客车辆无法登记停车，{a}", "车库里有车被剐蹭了，监控也看不清，{a}"],
        "en": ["Someone parked in my space {t}, {a}", "Cars are parked badly at {p} and block the road, {a}",
               "The barrier at the car park is broken and I cannot get out, {a}", "Outside cars park at {p}, residents have no space, {a}",
               "Cars parked in the fire lane, {a}", "Petrol cars occupy the EV charging bays, {a}", "E-bikes parked all over {p}, {a}",
               "The car park has no lighting {t}, {a}", "My parking permit does not open the gate, {a}",
               "A car has been abandoned at {p} for a month, {a}", "Visitors cannot register for parking, {a}", "My car was scratched in the car park, {a}"]},
    "other": {
        "zh": ["想咨询一下{p}快递柜在哪里，{a}", "建议小区增加一些健身器材，{a}", "请问宿舍什么时候可以办理退宿，{a}",
               "{p}的公告栏信息太旧了，{a}", "希望物业组织一些社区活动，{a}", "请问门禁卡丢了怎么补办，{a}",
               "能否在{p}增加一个自行车棚，{a}", "对小区的规划有一些建议，{a}", "想了解一下{p}的开放时间，{a}",
               "快递员总是把快递放在门口，{a}", "网络信号不好，{t}，{a}", "请问搬家需要办什么手续，{a}"],
        "en": ["Where is the parcel locker at {p}? {a}", "Suggestion: add some fitness equipment to the estate, {a}",
               "When can I check out of the dorm? {a}", "The notice board at {p} is out of date, {a}",
               "Could you organise some community events? {a}", "How do I replace a lost access card? {a}",
               "Could a bike shelter be added at {p}? {a}", "I have some suggestions about the estate layout, {a}",
               "What are the opening hours of {p}? {a}", "The courier always leaves parcels outside, {a}",
               "Mobile signal is poor {t}, {a}", "What do I need to do to move out? {a}"]},
}


# Side remarks about another topic: real complaints wander, the label stays the main concern.
ASIDES = {
    "facility": ("顺便说一下楼道灯也不太亮", "also the corridor light flickers a bit"),
    "service": ("打电话给物业也没什么用", "calling the office did not help either"),
    "environment": ("楼下垃圾也有点多", "there is also some litter downstairs"),
    "safety": ("晚上门口也没什么人管", "the gate is not watched much at night either"),
    "fees": ("我们每个月物业费也没少交", "we pay our fees every month after all"),
    "noise": ("晚上还有点吵", "it is a bit noisy at night too"),
    "pests": ("夏天蚊子也多", "there are mosquitoes in summer too"),
    "parking": ("车位也一直很紧张", "parking is always tight as well"),
    "other": ("另外想问一下快递柜的位置", "also, where is the parcel locker"),
}


def aside(label, lang, rnd):
    other = rnd.choice([c for c in ASIDES if c != label])
    return ASIDES[other][0 if lang == "zh" else 1]


def fill(template, lang, rnd):
    if lang == "zh":
        text = template.format(p=rnd.choice(ZH_PLACES), u=rnd.choice(ZH_UNITS), t=rnd.choice(ZH_TIME), a=rnd.choice(ZH_ASK))
        text = text.rstrip("，").replace("，，", "，")
        return text if text.endswith(("。", "！", "？", "急")) else text + rnd.choice(["。", "！", "", "。"])
    text = template.format(p=rnd.choice(EN_PLACES), u=rnd.choice(EN_UNITS), t=rnd.choice(EN_TIME), a=rnd.choice(EN_ASK))
    text = text.replace(" ,", ",").rstrip(", ").replace(", ?", "?")
    text = text[0].upper() + text[1:]
    if rnd.random() < 0.15:
        text = text.lower()
    return text if text.endswith(("?", "!", ".")) else text + rnd.choice([".", "!", "", "."])


def main():
    rnd = random.Random(SEED)
    rows = []
    seen = set()
    for label, langs in CATEGORIES.items():
        made, tries = 0, 0
        while made < PER_CATEGORY and tries < PER_CATEGORY * 20:
            tries += 1
            lang = "zh" if made % 2 == 0 else "en"
            index = rnd.randrange(len(langs[lang]))
            text = fill(langs[lang][index], lang, rnd)
            if rnd.random() < 0.3:
                text = text.rstrip("。！.!") + ("，" if lang == "zh" else ", ") + aside(label, lang, rnd) + ("。" if lang == "zh" else ".")
            if text in seen:
                continue
            seen.add(text)
            rows.append((text, label, "%s-%s-%02d" % (label, lang, index)))
            made += 1
    rnd.shuffle(rows)
    out = csv.writer(sys.stdout, lineterminator="\n")
    # "template" names the sentence pattern, so a test can hold back whole patterns.
    out.writerow(["text", "label", "template"])
    out.writerows(rows)


if __name__ == "__main__":
    main()
