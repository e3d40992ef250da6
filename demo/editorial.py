"""Stories of model cooperatives, news articles and the Alliance's contact details.

Story bodies are StreamField data: ("heading", text), ("paragraph", html), ("quote", dict).
Dates are (year, month, day); images are picked by category key.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    title: str
    date: tuple
    intro: str
    image: str  # a category key: the article reuses one of its pictures
    body: tuple
    cooperatives: tuple = ()  # codes, for stories
    tags: tuple = ()  # for news


def _p(*sentences):
    return "<p>" + " ".join(sentences) + "</p>"


STORIES = [
    Article(
        "Gốm Bát Tràng: giữ lửa lò, mở cửa đón khách",
        (2025, 3, 12),
        "Từ một tổ sản xuất nhỏ, HTX Gốm sứ Bát Tràng đã đưa gốm làng ra nhiều nước và mở "
        "xưởng cho du khách tự tay nặn gốm.",
        "gom-su",
        (
            ("heading", "Nghề cũ, cách làm mới"),
            (
                "paragraph",
                _p(
                    "Các xã viên dùng chung lò ga, chung phòng mẫu và chung một nhãn hiệu tập thể.",
                    "Nhờ vậy, hộ nhỏ vẫn nhận được đơn hàng xuất khẩu lớn.",
                ),
            ),
            ("quote", {"text": "Lò có đỏ thì làng mới sống.", "author": "Giám đốc HTX"}),
            ("heading", "Du lịch làng nghề"),
            (
                "paragraph",
                _p(
                    "Mỗi cuối tuần, xưởng trải nghiệm đón hàng trăm học sinh và khách nước ngoài.",
                    "Doanh thu du lịch bù cho những tháng gốm xuất khẩu chậm.",
                ),
            ),
        ),
        cooperatives=("HN-0001", "HN-0002"),
    ),
    Article(
        "Lụa Vạn Phúc và con đường đưa tơ tằm vào chuỗi giá trị",
        (2025, 1, 20),
        "HTX Lụa Vạn Phúc liên kết nông dân trồng dâu, nuôi tằm để chủ động nguồn tơ và giữ "
        "chất lượng lụa làng.",
        "lua-det-may",
        (
            ("heading", "Chủ động nguồn tơ"),
            (
                "paragraph",
                _p(
                    "Hợp tác xã ký hợp đồng bao tiêu kén với các hộ nuôi tằm,",
                    "kiểm tra độ bền sợi trước khi đưa vào dệt.",
                ),
            ),
            (
                "quote",
                {
                    "text": "Tấm lụa tốt bắt đầu từ lá dâu sạch.",
                    "author": "Nghệ nhân làng Vạn Phúc",
                },
            ),
            ("paragraph", _p("Sản phẩm khăn lụa của hợp tác xã đạt OCOP 4 sao.")),
        ),
        cooperatives=("HN-0004",),
    ),
    Article(
        "Thanh Xuân: vùng rau hữu cơ đầu tiên của Thủ đô",
        (2024, 11, 5),
        "Mười năm theo canh tác hữu cơ, HTX Nông nghiệp hữu cơ Thanh Xuân cung cấp rau cho "
        "nhiều trường học và bếp ăn tập thể.",
        "rau-an-toan",
        (
            ("heading", "Không thuốc trừ sâu, không phân hóa học"),
            (
                "paragraph",
                _p(
                    "Xã viên ủ phân từ rơm rạ và phân chuồng, dùng bẫy côn trùng và thiên địch.",
                    "Mỗi luống rau đều có mã truy xuất nguồn gốc.",
                ),
            ),
            (
                "quote",
                {"text": "Rau sạch trước hết cho con cháu mình ăn.", "author": "Một xã viên"},
            ),
        ),
        cooperatives=("HN-0025",),
    ),
    Article(
        "Bò sữa Tản Viên: sữa tươi trong ngày từ chân núi Ba Vì",
        (2024, 9, 18),
        "HTX Bò sữa Tản Viên đầu tư dây chuyền thanh trùng, đưa sữa từ chuồng đến tay người "
        "dùng trong vòng một ngày.",
        "sua",
        (
            ("heading", "Một đàn bò, nhiều hộ nuôi"),
            (
                "paragraph",
                _p(
                    "Hợp tác xã hỗ trợ giống cỏ, thức ăn và bác sĩ thú y cho các hộ thành viên.",
                    "Sữa được làm lạnh ngay sau khi vắt.",
                ),
            ),
            ("quote", {"text": "Sữa ngon nhờ cỏ tốt và bò khỏe.", "author": "Chủ tịch HĐQT"}),
        ),
        cooperatives=("HN-0019", "HN-0020"),
    ),
    Article(
        "Trà sen Tây Hồ: một nghìn bông sen cho một cân trà",
        (2024, 7, 2),
        "HTX Trà sen Quảng An giữ cách ướp trà bằng gạo sen Bách diệp của Hồ Tây, món quà "
        "tinh tế của người Hà Nội.",
        "che-tra",
        (
            ("heading", "Mùa sen ngắn ngủi"),
            (
                "paragraph",
                _p(
                    "Sen chỉ hái lúc tinh mơ, khi bông còn ngậm sương.",
                    "Gạo sen được tách ngay để trà hút trọn hương.",
                ),
            ),
            (
                "quote",
                {"text": "Ướp trà sen là nghề của sự kiên nhẫn.", "author": "Nghệ nhân Quảng An"},
            ),
        ),
        cooperatives=("HN-0016",),
    ),
    Article(
        "Hương Quảng Phú Cầu: nghề làm hương thành điểm check-in",
        (2024, 12, 10),
        "Những sân phơi tăm hương đỏ rực ở Quảng Phú Cầu thu hút khách chụp ảnh, mở hướng "
        "du lịch mới cho làng nghề.",
        "huong",
        (
            ("heading", "Hương sạch từ thảo mộc"),
            (
                "paragraph",
                _p(
                    "Hợp tác xã chuyển sang bột hương từ trầm, quế và hồi,",
                    "bỏ hẳn hóa chất tạo mùi.",
                ),
            ),
            (
                "quote",
                {
                    "text": "Làm hương sạch thì người làm nghề cũng khỏe.",
                    "author": "Một thợ se hương",
                },
            ),
            ("paragraph", _p("Sản phẩm hương trầm của hợp tác xã đạt OCOP 3 sao.")),
        ),
        cooperatives=("HN-0006", "HN-0007"),
    ),
    Article(
        "Mây tre Phú Vinh vươn ra thị trường châu Âu",
        (2025, 4, 8),
        "HTX Mây tre đan Phú Vinh thiết kế mẫu mới theo đơn đặt hàng, đưa sản phẩm làng nghề "
        "sang Đức và Hà Lan.",
        "may-tre-dan",
        (
            ("heading", "Thiết kế theo đơn"),
            (
                "paragraph",
                _p(
                    "Nhóm thiết kế trẻ của hợp tác xã làm mẫu thử trong một tuần,",
                    "sau đó chia việc cho các hộ đan trong làng.",
                ),
            ),
            (
                "quote",
                {
                    "text": "Đôi tay thợ Phú Vinh đan được mọi hình khách muốn.",
                    "author": "Trưởng nhóm thiết kế",
                },
            ),
        ),
        cooperatives=("HN-0010",),
    ),
]

NEWS = [
    Article(
        "Khai mạc Hội chợ sản phẩm OCOP và làng nghề Hà Nội",
        (2025, 5, 15),
        "Hơn hai trăm gian hàng của hợp tác xã, làng nghề giới thiệu sản phẩm OCOP tại hội chợ.",
        "gom-su",
        (
            (
                "paragraph",
                _p("Hội chợ kéo dài năm ngày, có khu trình diễn nghề gốm, thêu và làm hương."),
            ),
        ),
        tags=("OCOP", "hội chợ"),
    ),
    Article(
        "Hướng dẫn hợp tác xã đăng ký đánh giá, phân hạng sản phẩm OCOP",
        (2025, 4, 22),
        "Liên minh HTX thành phố tổ chức lớp tập huấn về hồ sơ, tiêu chí chấm điểm OCOP.",
        "banh-dac-san",
        (("paragraph", _p("Lớp học dành cho cán bộ quản lý hợp tác xã ở các huyện ngoại thành.")),),
        tags=("OCOP", "tập huấn"),
    ),
    Article(
        "Mùa nhãn chín muộn Đan Phượng vào vụ thu hoạch",
        (2024, 9, 25),
        "Các vườn nhãn chín muộn ven sông Hồng cho thu hoạch, giá bán ổn định.",
        "trai-cay",
        (
            (
                "paragraph",
                _p("Nhiều hợp tác xã nhận đặt hàng trực tuyến và giao tận nơi trong nội thành."),
            ),
        ),
        tags=("nông sản", "mùa vụ"),
    ),
    Article(
        "Chợ hoa Tết Quảng An nhộn nhịp những ngày cuối năm",
        (2025, 1, 24),
        "Đào Nhật Tân, quất Tứ Liên và hoa Tây Tựu đổ về chợ hoa đêm Quảng An.",
        "hoa-cay-canh",
        (("paragraph", _p("Các hợp tác xã hoa cho biết giá đào thế năm nay tăng nhẹ.")),),
        tags=("hoa", "Tết"),
    ),
    Article(
        "Hợp tác xã ứng dụng truy xuất nguồn gốc bằng mã QR",
        (2025, 2, 18),
        "Nhiều hợp tác xã rau, gạo, mật ong gắn mã QR trên bao bì để người mua tra cứu.",
        "rau-an-toan",
        (
            (
                "paragraph",
                _p("Mỗi mã cho biết vùng trồng, ngày thu hoạch và chứng nhận của lô hàng."),
            ),
        ),
        tags=("chuyển đổi số", "nông sản"),
    ),
    Article(
        "Làng gốm Bát Tràng đón khách quốc tế trở lại",
        (2024, 10, 30),
        "Lượng khách nước ngoài đến làng gốm tăng mạnh, các xưởng trải nghiệm kín lịch.",
        "gom-su",
        (("paragraph", _p("Hợp tác xã du lịch mở thêm tuyến tham quan bằng xe điện quanh làng.")),),
        tags=("du lịch", "làng nghề"),
    ),
    Article(
        "Tập huấn VietGAP cho hợp tác xã rau an toàn Đông Anh",
        (2024, 8, 14),
        "Cán bộ kỹ thuật hướng dẫn ghi nhật ký đồng ruộng và quản lý thuốc bảo vệ thực vật.",
        "rau-an-toan",
        (("paragraph", _p("Sau lớp học, ba hợp tác xã đăng ký đánh giá chứng nhận VietGAP.")),),
        tags=("VietGAP", "tập huấn"),
    ),
    Article(
        "Sữa Ba Vì có mặt tại chuỗi cửa hàng nông sản an toàn",
        (2024, 12, 2),
        "Liên hiệp HTX Nông sản an toàn Hà Nội đưa sữa tươi, sữa chua Ba Vì vào hệ thống.",
        "sua",
        (("paragraph", _p("Sản phẩm được giao hằng ngày bằng xe lạnh.")),),
        tags=("nông sản", "kết nối tiêu thụ"),
    ),
    Article(
        "Hợp tác xã làng nghề bán hàng qua sàn thương mại điện tử",
        (2025, 3, 28),
        "Lụa Vạn Phúc, mây tre Phú Vinh, khảm trai Chuyên Mỹ mở gian hàng trực tuyến.",
        "lua-det-may",
        (("paragraph", _p("Liên minh HTX hỗ trợ chụp ảnh sản phẩm và viết mô tả hàng hóa.")),),
        tags=("chuyển đổi số", "làng nghề"),
    ),
    Article(
        "Giải thưởng sản phẩm thủ công mỹ nghệ tiêu biểu Hà Nội",
        (2025, 6, 3),
        "Nhiều sản phẩm của hợp tác xã khảm trai, sơn mài, điêu khắc gỗ được vinh danh.",
        "kham-trai-son-mai",
        (("paragraph", _p("Các tác phẩm đoạt giải được trưng bày tại Bảo tàng Hà Nội.")),),
        tags=("làng nghề", "giải thưởng"),
    ),
    Article(
        "Mật ong hoa nhãn Sóc Sơn vào vụ quay mật",
        (2025, 4, 2),
        "Các hộ nuôi ong ở Sóc Sơn di đàn theo mùa hoa nhãn, sản lượng dự kiến tăng.",
        "mat-ong",
        (("paragraph", _p("Hợp tác xã thu mua mật đã vít nắp để bảo đảm chất lượng.")),),
        tags=("nông sản", "mùa vụ"),
    ),
]

SETTINGS = {
    "alliance_name": "Liên minh Hợp tác xã thành phố Hà Nội",
    "alliance_address": "Số 1 phố Tông Đản, phường Tràng Tiền, quận Hoàn Kiếm, Hà Nội",
    "alliance_phone": "024 3825 0000",
    "alliance_email": "lienhe@lienminhhtx-hanoi.example",
}

FOOTER_LINKS = [
    ("Liên minh Hợp tác xã Việt Nam", "https://vca.example/"),
    ("Chương trình OCOP Hà Nội", "https://ocop-hanoi.example/"),
    ("Hướng dẫn thành lập hợp tác xã", "https://huongdan-htx.example/"),
]

HERO_IMAGE = "gao-ngu-coc"
FEATURED_PRODUCTS = 6
