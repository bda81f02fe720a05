// Upload with a progress bar: the file is sent by XHR so the clerk sees how much is uploaded, then that the server is
// checking every row; the response is the result page (or the form with a message), shown as the browser would.
(function () {
    const form = document.getElementById("import-form");
    if (!form || !window.XMLHttpRequest || !window.FormData) return;
    const bar = document.querySelector("#import-progress .progress-bar");
    const box = document.getElementById("import-progress");
    const status = document.getElementById("import-status");
    const button = document.getElementById("import-submit");
    const maxBytes = Number(form.dataset.maxBytes);
    form.addEventListener("submit", function (e) {
        const file = document.getElementById("Upload").files[0];
        if (file && file.size > maxBytes) {
            e.preventDefault();
            status.textContent = "文件过大（" + (file.size / 1048576).toFixed(1) + " MB），单个文件不能超过 " + (maxBytes / 1048576) + " MB，请分成几个文件导入";
            return;
        }
        if (!file) return;
        e.preventDefault();
        const xhr = new XMLHttpRequest();
        xhr.open("POST", form.action || window.location.href);
        xhr.upload.addEventListener("progress", function (p) {
            if (!p.lengthComputable) return;
            const pct = Math.round(p.loaded * 100 / p.total);
            bar.style.width = pct + "%";
            status.textContent = pct < 100 ? "正在上传：" + pct + "%" : "上传完成，正在逐行校验并写入，请勿关闭页面……";
        });
        xhr.addEventListener("load", function () {
            if (xhr.responseURL && xhr.responseURL !== window.location.href) { window.location.href = xhr.responseURL; return; }
            document.open(); document.write(xhr.responseText); document.close();
        });
        xhr.addEventListener("error", function () {
            status.textContent = "上传失败：网络中断或服务器无响应，数据没有导入，请重试";
            button.disabled = false;
        });
        box.classList.remove("d-none");
        button.disabled = true;
        xhr.send(new FormData(form));
    });
})();
