// Chapter 5's exercises (being written).
export default [];
